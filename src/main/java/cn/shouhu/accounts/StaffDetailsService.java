package cn.shouhu.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.organization.OfficerRef;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.shared.CurrentStaff;

/** Loads the account for sign-in, with the officer and unit it acts for. */
@Component
class StaffDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final OrganizationDirectory organization;

	StaffDetailsService(AccountRepository accounts, OrganizationDirectory organization) {
		this.accounts = accounts;
		this.organization = organization;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.findByUsername(username == null ? "" : username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return principalFor(account);
	}

	StaffPrincipal principalFor(Account account) {
		OfficerRef officer = organization.findOfficer(account.officerId())
			.orElseThrow(() -> new UsernameNotFoundException("Account without officer"));
		String unitName = organization.findUnit(officer.unitId()).map(UnitRef::name).orElse("");
		CurrentStaff staff = new CurrentStaff(account.id(), account.username(), officer.id(), officer.name(),
				officer.unitId(), unitName, account.roleSet());
		return new StaffPrincipal(staff, account.passwordHash(), account.enabled(), account.lockedUntil(),
				account.mustChangePassword());
	}

}
