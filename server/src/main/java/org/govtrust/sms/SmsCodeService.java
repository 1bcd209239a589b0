package org.govtrust.sms;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.govtrust.shared.error.TrustException;
import org.govtrust.shared.privacy.PersonalDataCipher;
import org.govtrust.shared.time.DisplayTime;
import org.govtrust.sms.config.SmsProperties;
import org.govtrust.sms.config.SmsProperties.SendLimit;
import org.govtrust.sms.domain.SendWindowPolicy;
import org.govtrust.sms.domain.SendWindowPolicy.Refusal;
import org.govtrust.sms.persistence.SmsStore;
import org.govtrust.sms.persistence.SmsStore.PendingCode;
import org.govtrust.sms.spi.SmsDeliveryException;
import org.govtrust.sms.spi.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.util.Assert;

/**
 * Issues and checks one-time SMS codes.
 * <ul>
 * <li>Codes are 6 digits from {@link SecureRandom}, live {@code govtrust.sms.code-ttl} (5
 * minutes), work once, only for their purpose and flow, and die after
 * {@code max-attempts} wrong entries; a new code voids the previous one.</li>
 * <li>Only a keyed hash of the code is stored; the code is never logged or returned.</li>
 * <li>Per-phone limits (1 a minute, 3 an hour, 5 in 24 hours) and per-address limits are
 * sliding windows over successful sends kept in the database, checked under a row lock per
 * key, so every node sees the same count. A refusal says when the next code can be
 * sent.</li>
 * </ul>
 */
@Service
public class SmsCodeService {

	private static final Logger logger = LoggerFactory.getLogger(SmsCodeService.class);

	private static final Duration LONGEST_KEPT = Duration.ofDays(2);

	private final SmsStore store;

	private final SmsSender sender;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SmsProperties properties;

	private final SendWindowPolicy phonePolicy;

	private final SendWindowPolicy addressPolicy;

	private final Duration phoneHorizon;

	private final Duration addressHorizon;

	private final SecureRandom random = new SecureRandom();

	public SmsCodeService(SmsStore store, SmsSender sender, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock, SmsProperties properties) {
		Assert.notNull(store, "store must not be null");
		Assert.notNull(sender, "sender must not be null");
		this.store = store;
		this.sender = sender;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.phonePolicy = new SendWindowPolicy(properties.perPhone());
		this.addressPolicy = new SendWindowPolicy(properties.perAddress());
		this.phoneHorizon = longest(properties.perPhone());
		this.addressHorizon = longest(properties.perAddress());
	}

	/**
	 * Sends a new code.
	 * @param phone the recipient
	 * @param purpose what the code is for
	 * @param scope the flow the code is bound to (e.g. a registration id)
	 * @param clientAddress the requester's network address
	 * @return where it went and when the next code may be sent
	 * @throws TrustException {@code SMS-2001..2004} with a retry-after when a limit is hit,
	 * {@code SMS-5001} when the gateway refuses (the send then does not count)
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public CodeSent send(MobileNumber phone, SmsPurpose purpose, String scope, String clientAddress) {
		Instant now = this.clock.instant();
		String phoneHash = phoneHash(phone);
		String addressHash = this.cipher.lookupHash("address", clientAddress);
		List<Instant> phoneSends = checkLimits(phoneHash, addressHash, now);

		String code = newCode();
		Instant expiresAt = now.plus(this.properties.codeTtl());
		this.store.replaceCode(phoneHash, purpose.name(), scope, codeHash(phoneHash, purpose, scope, code), expiresAt);
		this.store.recordSend(phoneHash, addressHash, purpose.name(), now);
		try {
			this.sender.send(phone, text(purpose, code));
		}
		catch (SmsDeliveryException ex) {
			logger.warn("SMS gateway refused a {} code (phoneRef={}): {}", purpose, phoneHash.substring(0, 12),
					ex.getMessage());
			// the code and the send record must not stay: this send does not count
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			throw TrustException.retryAfter(Duration.ofSeconds(30), SmsError.GATEWAY_UNAVAILABLE);
		}
		this.events.publishEvent(new SmsCodeSent(purpose, phoneHash.substring(0, 12), now));
		Instant nextSendAt = this.phonePolicy.nextAllowedAfterSend(phoneSends, now);
		return new CodeSent(phone.masked(), expiresAt, nextSendAt);
	}

	/**
	 * Counts a send that goes nowhere, under the same limits as {@link #send}: used when an
	 * anonymous request names no known phone, so the answer (and any limit reached) is the
	 * same whether or not an account exists.
	 * @param key a keyed hash standing for the unknown recipient
	 * @param purpose the purpose
	 * @param clientAddress the requester's address
	 * @return the same shape of answer as a real send
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public CodeSent sendNowhere(String key, SmsPurpose purpose, String clientAddress) {
		Instant now = this.clock.instant();
		String phoneHash = this.cipher.lookupHash("nowhere", key);
		String addressHash = this.cipher.lookupHash("address", clientAddress);
		List<Instant> phoneSends = checkLimits(phoneHash, addressHash, now);
		this.store.recordSend(phoneHash, addressHash, purpose.name(), now);
		return new CodeSent("", now.plus(this.properties.codeTtl()), this.phonePolicy.nextAllowedAfterSend(phoneSends, now));
	}

	/**
	 * Checks a code and consumes it when right.
	 * @param phone the phone it was sent to
	 * @param purpose its purpose
	 * @param scope the flow it is bound to
	 * @param code what the person entered
	 * @throws TrustException {@code SMS-2005} wrong (with attempts left), {@code SMS-2006}
	 * expired, {@code SMS-2007} too many wrong attempts, {@code SMS-2008} none pending
	 */
	@Transactional(noRollbackFor = TrustException.class)
	public void verify(MobileNumber phone, SmsPurpose purpose, String scope, String code) {
		String entered = code == null ? "" : code.strip();
		if (!entered.matches("[0-9]{6}")) {
			throw TrustException.forField("code", SmsError.CODE_FORMAT);
		}
		String phoneHash = phoneHash(phone);
		PendingCode pending = this.store.pendingCodeForUpdate(phoneHash, purpose.name())
			.filter((candidate) -> candidate.scope().equals(scope))
			.orElseThrow(() -> TrustException.forField("code", SmsError.CODE_NONE));
		Instant now = this.clock.instant();
		if (!now.isBefore(pending.expiresAt())) {
			this.store.deleteCode(phoneHash, purpose.name());
			throw TrustException.forField("code", SmsError.CODE_EXPIRED, this.properties.codeTtl().toMinutes());
		}
		boolean matches = MessageDigest.isEqual(pending.codeHash().getBytes(StandardCharsets.US_ASCII),
				codeHash(phoneHash, purpose, scope, entered).getBytes(StandardCharsets.US_ASCII));
		if (!matches) {
			int attemptsLeft = this.properties.maxAttempts() - pending.failedAttempts() - 1;
			if (attemptsLeft <= 0) {
				this.store.deleteCode(phoneHash, purpose.name());
				throw TrustException.forField("code", SmsError.CODE_EXHAUSTED);
			}
			this.store.recordFailedAttempt(phoneHash, purpose.name());
			throw TrustException.forField("code", SmsError.CODE_WRONG, attemptsLeft);
		}
		this.store.deleteCode(phoneHash, purpose.name());
	}

	/**
	 * Removes send records no window needs any more (older than the longest configured window,
	 * and at least two days), every hour: each holds a phone's and an address's keyed hash; and
	 * then the limit locks of phones and addresses with no send left.
	 * @return rows removed
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public int purgeExpiredSends() {
		Duration kept = Collections.max(List.of(LONGEST_KEPT, this.phoneHorizon, this.addressHorizon));
		int removed = this.store.purgeSendsBefore(this.clock.instant().minus(kept));
		int locks = this.store.purgeIdleLocks();
		if (removed + locks > 0) {
			logger.info("Purged {} SMS send records older than {} and {} idle limit locks", removed, kept, locks);
		}
		return removed;
	}

	/**
	 * Locks the phone and address keys for this transaction and checks every limit.
	 * @return the phone's earlier sends within the longest window
	 */
	private List<Instant> checkLimits(String phoneHash, String addressHash, Instant now) {
		this.store.lock(List.of("p:" + phoneHash, "a:" + addressHash));
		List<Instant> phoneSends = this.store.sendsByPhone(phoneHash, now.minus(this.phoneHorizon));
		Refusal refusal = this.phonePolicy.evaluate(phoneSends, now);
		if (refusal != null) {
			throw refused(refusal, now, new SmsError[] { SmsError.LIMIT_MINUTE, SmsError.LIMIT_HOUR, SmsError.LIMIT_DAY });
		}
		List<Instant> addressSends = this.store.sendsByAddress(addressHash, now.minus(this.addressHorizon));
		Refusal addressRefusal = this.addressPolicy.evaluate(addressSends, now);
		if (addressRefusal != null) {
			throw TrustException.retryAfter(addressRefusal.waitFrom(now), SmsError.LIMIT_ADDRESS,
					DisplayTime.format(addressRefusal.allowedAt()));
		}
		return phoneSends;
	}

	private TrustException refused(Refusal refusal, Instant now, SmsError[] byIndex) {
		SmsError error = byIndex[Math.min(refusal.index(), byIndex.length - 1)];
		Duration wait = refusal.waitFrom(now);
		Object argument = (error == SmsError.LIMIT_MINUTE) ? (Object) Math.max(1, wait.toSeconds())
				: DisplayTime.format(refusal.allowedAt());
		return TrustException.retryAfter(wait, error, argument).with(Map.of("nextSendAt", refusal.allowedAt().toString()));
	}

	private String phoneHash(MobileNumber phone) {
		return this.cipher.lookupHash("phone", phone.national());
	}

	private String codeHash(String phoneHash, SmsPurpose purpose, String scope, String code) {
		return this.cipher.lookupHash("sms-code", phoneHash + "|" + purpose.name() + "|" + scope + "|" + code);
	}

	private String newCode() {
		return String.format("%06d", this.random.nextInt(1_000_000));
	}

	private String text(SmsPurpose purpose, String code) {
		long minutes = this.properties.codeTtl().toMinutes();
		return "【GovTrust】验证码 " + code + "，" + minutes + " 分钟内有效，用于" + purposeText(purpose)
				+ "。请勿告诉他人。Your GovTrust code is " + code + ", valid for " + minutes + " minutes.";
	}

	private static String purposeText(SmsPurpose purpose) {
		switch (purpose) {
			case REGISTRATION:
				return "注册";
			case LOGIN:
				return "登录";
			case PASSWORD_RESET:
				return "重置密码";
			case ACTIVATION:
				return "激活账号";
			default:
				return "更换手机号";
		}
	}

	private static Duration longest(List<SendLimit> limits) {
		return limits.stream().map(SendLimit::window).max(Duration::compareTo).orElse(Duration.ofDays(1));
	}

}
