package org.govtrust.identity.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

/**
 * Staff accounts.
 */
public interface StaffRepository extends CrudRepository<Staff, UUID> {

	Optional<Staff> findByLoginName(String loginName);

	boolean existsByLoginName(String loginName);

}
