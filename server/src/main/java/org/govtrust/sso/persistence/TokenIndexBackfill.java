package org.govtrust.sso.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.govtrust.shared.security.Sha256;

/**
 * Indexes the tokens of authorizations issued before {@code sso_token_index} existed, so an
 * upgrade does not sign every app's users out: the state and every token value of each
 * authorization, hashed as {@link #hash} does for new ones.
 */
public final class TokenIndexBackfill implements JavaMigration {

	private static final String[] COLUMNS = { "state", "authorization_code_value", "access_token_value",
			"oidc_id_token_value", "refresh_token_value", "user_code_value", "device_code_value" };

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("202611222101");
	}

	@Override
	public String getDescription() {
		return "sso token index backfill";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Set<String> seen = new HashSet<>();
		try (Statement select = connection.createStatement();
				ResultSet rows = select.executeQuery("SELECT id, " + String.join(", ", COLUMNS)
						+ " FROM oauth2_authorization");
				PreparedStatement insert = connection
					.prepareStatement("INSERT INTO sso_token_index (token_hash, authorization_id) VALUES (?, ?)")) {
			while (rows.next()) {
				for (String column : COLUMNS) {
					String value = rows.getString(column);
					if (value != null && !value.isEmpty() && seen.add(hash(value))) {
						insert.setString(1, hash(value));
						insert.setString(2, rows.getString("id"));
						insert.addBatch();
					}
				}
			}
			insert.executeBatch();
		}
	}

	/**
	 * The index key of a token or state value.
	 * @param value the value
	 * @return SHA-256, hex
	 */
	public static String hash(String value) {
		return Sha256.hex(value);
	}

}
