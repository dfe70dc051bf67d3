package cn.shouhu.accounts;

import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.shared.Role;

/**
 * Opens accounts without a signed-in administrator: for the demo branch and first-run set-up. The rules
 * (username, password policy, 三员 separation) and the audit record are the same as for the security
 * administrator's pages.
 */
@Service
public class AccountSetup {

	private final AccountAdministration administration;

	private final AccountRepository accounts;

	AccountSetup(AccountAdministration administration, AccountRepository accounts) {
		this.administration = administration;
		this.accounts = accounts;
	}

	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	/**
	 * @param mustChangePassword whether the first sign-in must set a new password (true for real accounts)
	 * @return the new account's id
	 */
	@Transactional
	public long open(String username, long officerId, Set<Role> roles, String password, boolean mustChangePassword) {
		return administration.create(username, officerId, roles, password, mustChangePassword);
	}

}
