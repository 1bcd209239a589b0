package org.govtrust.ca.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for enterprises. The legal representative's name and ID number are stored encrypted
 * (the caller encrypts), with a keyed hash of the ID number for lookup.
 */
@Repository
public class EnterpriseStore {

	private static final String COLUMNS = "id, name, credit_code, legal_rep_name, legal_rep_id_number, legal_rep_lookup, "
			+ "housing_fund_number, social_security_number, enrolled_by, enrolled_at, version";

	private final JdbcClient jdbc;

	public EnterpriseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(EnterpriseRow row) {
		this.jdbc.sql("INSERT INTO ca_enterprise (" + COLUMNS + ") VALUES (:id, :name, :code, :repName, :repId, "
				+ ":repLookup, :fund, :social, :by, :at, 0)")
			.param("id", row.id())
			.param("name", row.name())
			.param("code", row.creditCode())
			.param("repName", row.legalRepName())
			.param("repId", row.legalRepIdNumber())
			.param("repLookup", row.legalRepLookup())
			.param("fund", row.housingFundNumber())
			.param("social", row.socialSecurityNumber())
			.param("by", row.enrolledBy())
			.param("at", utc(row.enrolledAt()))
			.update();
	}

	/**
	 * Records changed identifiers (a certificate change), with optimistic locking.
	 * @param id the enterprise
	 * @param version the version read
	 * @param fund the housing-fund number
	 * @param social the social-security number
	 * @return whether the row was still at that version
	 */
	public boolean updateNumbers(UUID id, long version, @Nullable String fund, @Nullable String social) {
		return this.jdbc.sql("UPDATE ca_enterprise SET housing_fund_number = :fund, social_security_number = :social, "
				+ "version = version + 1 WHERE id = :id AND version = :version")
			.param("fund", fund)
			.param("social", social)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public Optional<EnterpriseRow> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_enterprise WHERE id = :id")
			.param("id", id)
			.query(EnterpriseStore::map)
			.optional();
	}

	public Optional<EnterpriseRow> findByCreditCode(String code) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_enterprise WHERE credit_code = :code")
			.param("code", code)
			.query(EnterpriseStore::map)
			.optional();
	}

	public List<EnterpriseRow> findByLegalRep(String lookup) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_enterprise WHERE legal_rep_lookup = :lookup ORDER BY name")
			.param("lookup", lookup)
			.query(EnterpriseStore::map)
			.list();
	}

	/**
	 * A page of enterprises, newest first, optionally filtered by name or code.
	 * @param query part of the name or of the credit code, or empty
	 * @param limit at most this many
	 * @return the rows
	 */
	public List<EnterpriseRow> search(String query, int limit) {
		String like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM ca_enterprise WHERE name LIKE :like ESCAPE '\\' "
				+ "OR credit_code LIKE :like ESCAPE '\\' ORDER BY enrolled_at DESC LIMIT :limit")
			.param("like", like)
			.param("limit", limit)
			.query(EnterpriseStore::map)
			.list();
	}

	private static EnterpriseRow map(ResultSet rs, int row) throws SQLException {
		return new EnterpriseRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credit_code"),
				rs.getString("legal_rep_name"), rs.getString("legal_rep_id_number"), rs.getString("legal_rep_lookup"),
				rs.getString("housing_fund_number"), rs.getString("social_security_number"),
				rs.getString("enrolled_by"), rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
				rs.getLong("version"));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/**
	 * An enterprise row.
	 *
	 * @param id id
	 * @param name registered name
	 * @param creditCode unified social credit code
	 * @param legalRepName encrypted
	 * @param legalRepIdNumber encrypted
	 * @param legalRepLookup keyed hash of the ID number
	 * @param housingFundNumber optional
	 * @param socialSecurityNumber optional
	 * @param enrolledBy who enrolled it ({@code staff:…} or {@code citizen:…})
	 * @param enrolledAt when
	 * @param version optimistic lock
	 */
	public record EnterpriseRow(UUID id, String name, String creditCode, String legalRepName, String legalRepIdNumber,
			String legalRepLookup, @Nullable String housingFundNumber, @Nullable String socialSecurityNumber,
			String enrolledBy, Instant enrolledAt, long version) {

	}

}
