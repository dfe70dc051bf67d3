package cn.shouhu.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends CrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	List<Account> findByOfficerId(long officerId);

	boolean existsByUsername(String username);

	/**
	 * Counts one failed sign-in atomically (two wrong passwords at once both count). The attempt that reaches
	 * the limit locks the account and starts a fresh count for after the lock.
	 */
	@Modifying
	@Query("""
			UPDATE account
			   SET failed_attempts = CASE WHEN failed_attempts + 1 >= :max THEN 0 ELSE failed_attempts + 1 END,
			       locked_until    = CASE WHEN failed_attempts + 1 >= :max THEN :lockedUntil ELSE locked_until END,
			       version         = version + 1
			 WHERE username = :username
			""")
	int recordFailedLogin(@Param("username") String username, @Param("max") int max,
			@Param("lockedUntil") Instant lockedUntil);

	@Modifying
	@Query("UPDATE account SET failed_attempts = 0, version = version + 1 WHERE username = :username AND failed_attempts <> 0")
	int clearFailedLogins(@Param("username") String username);

}
