package org.govtrust.sms.adapter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govtrust.shared.Simulator;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.sms.MobileNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what the {@link SimulatedSmsSender} delivered.
 */
@Simulator
public class SimulatedSmsOutbox {

	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	SimulatedSmsOutbox(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * The newest messages, to one phone or to all.
	 * @param phone the phone, or null for all
	 * @param limit how many
	 * @return newest first
	 */
	public List<Message> latest(@Nullable MobileNumber phone, int limit) {
		String where = (phone != null) ? " WHERE phone_hash = :hash" : "";
		JdbcClient.StatementSpec spec = this.jdbc
			.sql("SELECT phone_masked, message, sent_at FROM sms_sim_outbox" + where + " ORDER BY id DESC LIMIT :limit")
			.param("limit", limit);
		if (phone != null) {
			spec = spec.param("hash", this.cipher.lookupHash("phone", phone.national()));
		}
		return spec.query((rs, row) -> new Message(rs.getString(1), rs.getString(2), codeIn(rs.getString(2)),
				rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * A delivered message.
	 *
	 * @param phone the masked recipient
	 * @param text the text
	 * @param code the 6-digit code in the text
	 * @param sentAt when
	 */
	public record Message(String phone, String text, String code, Instant sentAt) {

	}

	private static String codeIn(String text) {
		Matcher matcher = CODE.matcher(text);
		return matcher.find() ? matcher.group(1) : "";
	}

}
