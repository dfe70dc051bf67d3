package cn.shouhu.accounts;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/** A staff member changes their own password. */
@Service
class PasswordChange {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final Clock clock;

	PasswordChange(AccountRepository accounts, PasswordEncoder passwordEncoder, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	void change(long accountId, String currentPassword, String newPassword, String confirmation) {
		Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("accounts.notFound"));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
			throw InvalidInputException.onField("currentPassword", "accounts.password.currentWrong");
		}
		List<String> problems = PasswordPolicy.violations(newPassword, account.username());
		if (!problems.isEmpty()) {
			throw InvalidInputException.onField("newPassword", problems.get(0));
		}
		if (!newPassword.equals(confirmation)) {
			throw InvalidInputException.onField("confirmation", "accounts.password.mismatch");
		}
		if (passwordEncoder.matches(newPassword, account.passwordHash())) {
			throw InvalidInputException.onField("newPassword", "accounts.password.unchanged");
		}
		Map<String, Object> before = account.auditView();
		account.changePassword(passwordEncoder.encode(newPassword), clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.changePassword", "account", accountId, before,
				account.auditView()));
	}

}
