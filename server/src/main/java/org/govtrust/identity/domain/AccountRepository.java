package org.govtrust.identity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.CrudRepository;

/**
 * Accounts.
 */
public interface AccountRepository extends CrudRepository<Account, UUID> {

	Optional<Account> findByIdNumberHash(String idNumberHash);

	Optional<Account> findByLoginName(String loginName);

	List<Account> findByPhoneHash(String phoneHash);

	boolean existsByLoginName(String loginName);

}
