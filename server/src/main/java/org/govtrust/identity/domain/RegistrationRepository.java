package org.govtrust.identity.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/**
 * Registrations in progress.
 */
public interface RegistrationRepository extends CrudRepository<Registration, UUID> {

	java.util.List<Registration> findByIdNumberHash(String idNumberHash);

	/**
	 * A registration, its row locked until the transaction ends: a step that finishes after
	 * a slow external call sees what a concurrent submission of it did meanwhile.
	 * @param id the registration id
	 * @return the registration as committed, if it still exists
	 */
	@Query("SELECT * FROM idn_registration WHERE id = :id FOR UPDATE")
	Optional<Registration> findForUpdate(UUID id);

	/**
	 * The hash of the key of the browser a registration was started in.
	 * @param id the registration
	 * @return the hash; empty when started through the API, or when there is no such registration
	 */
	@Query("SELECT browser_key_hash FROM idn_registration WHERE id = :id")
	Optional<String> findBrowserKeyHash(UUID id);

	/**
	 * Removes registrations past their expiry, so abandoned personal data is not kept (the account keeps what it needs).
	 * @param now the current time
	 * @return rows removed
	 */
	@Modifying
	@Query("DELETE FROM idn_registration WHERE expires_at < :now")
	int deleteExpired(Instant now);

}
