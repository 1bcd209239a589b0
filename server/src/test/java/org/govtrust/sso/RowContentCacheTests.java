package org.govtrust.sso;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.govtrust.sso.persistence.RowContentCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link RowContentCache}: a row is mapped again exactly when any of its columns changed.
 */
class RowContentCacheTests {

	private SingleConnectionDataSource database;

	private JdbcTemplate jdbc;

	private final AtomicInteger mapped = new AtomicInteger();

	private final RowMapper<List<String>> parse = (row, number) -> {
		this.mapped.incrementAndGet();
		return List.of(row.getString("id"), row.getString("settings"), String.valueOf(row.getTimestamp("expires_at")));
	};

	@BeforeEach
	void createTable() {
		this.database = new SingleConnectionDataSource("jdbc:h2:mem:row-content-cache", "sa", "", true);
		this.jdbc = new JdbcTemplate(this.database);
		this.jdbc.execute("CREATE TABLE item (id varchar(10) PRIMARY KEY, settings text, expires_at timestamp)");
		this.jdbc.update("INSERT INTO item VALUES ('a', '{\"x\":1}', TIMESTAMP '2026-11-22 10:00:00')");
		this.jdbc.update("INSERT INTO item VALUES ('b', '{\"x\":2}', NULL)");
		this.jdbc.update("INSERT INTO item VALUES ('c', '{\"x\":3}', NULL)");
	}

	@AfterEach
	void dropDatabase() {
		this.jdbc.execute("DROP ALL OBJECTS");
		this.database.destroy();
	}

	@Test
	void anUnchangedRowIsHandedOutAgainAndAChangedOneMappedAnew() {
		RowContentCache<List<String>> cache = new RowContentCache<>(this.parse, "id", 10);
		List<String> first = find(cache, "a");
		assertThat(find(cache, "a")).isSameAs(first);
		assertThat(this.mapped).hasValue(1);

		this.jdbc.update("UPDATE item SET settings = '{\"x\":9}' WHERE id = 'a'");
		assertThat(find(cache, "a")).containsExactly("a", "{\"x\":9}", "2026-11-22 10:00:00.0");
		assertThat(this.mapped).hasValue(2);

		// any column counts, not only the parsed ones
		this.jdbc.update("UPDATE item SET expires_at = NULL WHERE id = 'a'");
		assertThat(find(cache, "a")).containsExactly("a", "{\"x\":9}", "null");
		assertThat(this.mapped).hasValue(3);
		assertThat(find(cache, "a")).isNotSameAs(first);
		assertThat(this.mapped).hasValue(3);
	}

	@Test
	void keepsOnlyTheMostRecentlyUsedRows() {
		RowContentCache<List<String>> cache = new RowContentCache<>(this.parse, "id", 2);
		find(cache, "a");
		find(cache, "b");
		find(cache, "a");
		find(cache, "c"); // b, the least recently used, goes
		assertThat(this.mapped).hasValue(3);
		find(cache, "a");
		find(cache, "c");
		assertThat(this.mapped).hasValue(3);
		find(cache, "b");
		assertThat(this.mapped).hasValue(4);
	}

	@Test
	void findsTheKeyColumnWhereverTheQueryPutsIt() {
		RowContentCache<List<String>> cache = new RowContentCache<>(this.parse, "ID", 10);
		List<String> a = this.jdbc.queryForObject("SELECT settings, expires_at, id FROM item WHERE id = ?", cache, "a");
		List<String> b = this.jdbc.queryForObject("SELECT settings, expires_at, id FROM item WHERE id = ?", cache, "b");
		assertThat(a).containsExactly("a", "{\"x\":1}", "2026-11-22 10:00:00.0");
		assertThat(b).containsExactly("b", "{\"x\":2}", "null");
		assertThat(this.jdbc.queryForObject("SELECT settings, expires_at, id FROM item WHERE id = ?", cache, "a"))
			.isSameAs(a);
		assertThat(this.mapped).hasValue(2);
	}

	@Test
	void aQueryWithoutTheKeyColumnIsAnError() {
		RowContentCache<List<String>> cache = new RowContentCache<>(this.parse, "id", 10);
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.jdbc.queryForObject("SELECT settings FROM item WHERE id = ?", cache, "a"))
			.withMessageContaining("The result has no column id");
	}

	private List<String> find(RowContentCache<List<String>> cache, String id) {
		return this.jdbc.queryForObject("SELECT id, settings, expires_at FROM item WHERE id = ?", cache, id);
	}

}
