package org.govtrust.identity.domain;

import java.time.Instant;
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
	 * Removes registrations past their expiry, so abandoned personal data is not kept (the account keeps what it needs).
	 * @param now the current time
	 * @return rows removed
	 */
	@Modifying
	@Query("DELETE FROM idn_registration WHERE expires_at < :now")
	int deleteExpired(Instant now);

}
