package org.govtrust.sso.persistence;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps a row again only when its content has changed. The authorization server keeps an
 * authorization's attributes and token metadata, and an app's settings, as JSON with
 * Jackson's polymorphic typing; parsing them was most of the work of an introspection or a
 * userinfo call (about four fifths of the time spent finding an authorization by token, in
 * a profile of the benchmark). The row is still read from the database every time, so the
 * database stays the only truth on every node: when every column reads exactly as it did
 * when the row was last mapped, the object mapped then is handed out again; any change (a
 * revocation, a refresh, new settings) maps the row anew.
 * <p>
 * Only for immutable results ({@code OAuth2Authorization}, {@code RegisteredClient}). The
 * most recently used rows are kept, up to a bound.
 *
 * @param <T> what a row maps to
 */
public final class RowContentCache<T> implements RowMapper<T> {

	private final RowMapper<T> delegate;

	private final String keyColumn;

	private final Map<String, Mapped<T>> rows;

	/**
	 * A cache in front of a row mapper.
	 * @param delegate the mapper
	 * @param keyColumn the primary key column
	 * @param capacity how many rows to remember at most
	 */
	public RowContentCache(RowMapper<T> delegate, String keyColumn, int capacity) {
		this.delegate = delegate;
		this.keyColumn = keyColumn;
		this.rows = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Mapped<T>> eldest) {
				return size() > capacity;
			}

		};
	}

	@Override
	public @Nullable T mapRow(ResultSet row, int rowNumber) throws SQLException {
		ResultSetMetaData columns = row.getMetaData();
		String[] content = new String[columns.getColumnCount()];
		for (int column = 0; column < content.length; column++) {
			content[column] = row.getString(column + 1);
		}
		String key = content[keyIndex(columns)];
		Mapped<T> mapped;
		synchronized (this.rows) {
			mapped = this.rows.get(key);
		}
		if (mapped != null && Arrays.equals(mapped.content(), content)) {
			return mapped.value();
		}
		T value = this.delegate.mapRow(row, rowNumber);
		if (value != null) {
			synchronized (this.rows) {
				this.rows.put(key, new Mapped<>(content, value));
			}
		}
		return value;
	}

	/**
	 * Where the key column is. Found by its label here rather than read by name: reading a
	 * column by name makes the driver map every label of the result set first (H2 does so for
	 * each result set, about 3 % of a userinfo call's CPU), and the key is usually the first.
	 */
	private int keyIndex(ResultSetMetaData columns) throws SQLException {
		for (int column = 1; column <= columns.getColumnCount(); column++) {
			if (this.keyColumn.equalsIgnoreCase(columns.getColumnLabel(column))) {
				return column - 1;
			}
		}
		throw new SQLException("The result has no column " + this.keyColumn);
	}

	private record Mapped<T>(String[] content, T value) {
	}

}
