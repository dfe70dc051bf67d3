package cn.shouhu.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OfficerLeft;
import cn.shouhu.organization.OfficerRef;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OfficerTransferred;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * The security administrator's work on accounts: open one for an officer, change its roles, reset its password,
 * unlock, disable and enable. Disabling ends the account's sessions on every node.
 */
@Service
class AccountAdministration {

	static final Pattern USERNAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]{2,31}$");

	private final AccountRepository accounts;

	private final OrganizationDirectory organization;

	private final PasswordEncoder passwordEncoder;

	private final AccountSessions sessions;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountAdministration(AccountRepository accounts, OrganizationDirectory organization,
			PasswordEncoder passwordEncoder, AccountSessions sessions, AuditTrail audit, JdbcClient jdbc,
			Clock clock) {
		this.accounts = accounts;
		this.organization = organization;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One row of the account list. */
	record AccountRow(long id, String username, String badgeNo, String officerName, String unitName,
			Set<Role> roles, boolean enabled, boolean locked, boolean mustChangePassword) {
	}

	record AccountPage(List<AccountRow> rows, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

	@Transactional(readOnly = true)
	AccountPage list(String query, int page, int size) {
		String pattern = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase() + "%";
		Long officerId = query == null ? null
				: organization.findOfficerByBadgeNo(query.trim()).map(OfficerRef::id).orElse(null);
		String where = " WHERE (CAST(:pattern AS VARCHAR) IS NULL OR LOWER(username) LIKE :pattern OR officer_id = :officerId)";
		long total = jdbc.sql("SELECT COUNT(*) FROM account" + where)
			.param("pattern", pattern)
			.param("officerId", officerId == null ? -1L : officerId)
			.query(Long.class)
			.single();
		List<Long> ids = jdbc.sql("SELECT id FROM account" + where + " ORDER BY username LIMIT :limit OFFSET :offset")
			.param("pattern", pattern)
			.param("officerId", officerId == null ? -1L : officerId)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Long.class)
			.list();
		Instant now = clock.instant();
		List<AccountRow> rows = ids.stream().map(id -> accounts.findById(id).orElseThrow()).map(account -> {
			OfficerRef officer = organization.findOfficer(account.officerId()).orElse(null);
			return new AccountRow(account.id(), account.username(), officer == null ? "" : officer.badgeNo(),
					officer == null ? "" : officer.name(), officer == null ? "" : officer.unitName(),
					account.roleSet(), account.enabled(), account.isLockedAt(now), account.mustChangePassword());
		}).toList();
		return new AccountPage(rows, total, page, size);
	}

	@Transactional(readOnly = true)
	AccountRow find(long id) {
		Account account = load(id);
		OfficerRef officer = organization.findOfficer(account.officerId()).orElse(null);
		return new AccountRow(account.id(), account.username(), officer == null ? "" : officer.badgeNo(),
				officer == null ? "" : officer.name(), officer == null ? "" : officer.unitName(), account.roleSet(),
				account.enabled(), account.isLockedAt(clock.instant()), account.mustChangePassword());
	}

	@Transactional(readOnly = true)
	int version(long id) {
		return load(id).version();
	}

	/** Opens an account for the officer with this 警号; its holder must change the initial password. */
	@Transactional
	long open(String username, String badgeNo, Set<Role> roles, String initialPassword) {
		OfficerRef officer = organization.findOfficerByBadgeNo(badgeNo == null ? "" : badgeNo.trim())
			.orElseThrow(() -> InvalidInputException.onField("badgeNo", "accounts.officer.unknown"));
		if (officer.status() != OfficerStatus.ACTIVE) {
			throw InvalidInputException.onField("badgeNo", "accounts.officer.inactive");
		}
		return create(username, officer.id(), roles, initialPassword, true);
	}

	long create(String username, long officerId, Set<Role> roles, String initialPassword, boolean mustChange) {
		String name = username == null ? "" : username.trim();
		if (!USERNAME.matcher(name).matches()) {
			throw InvalidInputException.onField("username", "accounts.username.invalid");
		}
		if (accounts.existsByUsername(name)) {
			throw InvalidInputException.onField("username", "accounts.username.taken");
		}
		requirePolicy(initialPassword, name, "initialPassword");
		Instant now = clock.instant();
		Account account = Account.open(name, officerId, passwordEncoder.encode(initialPassword), roles, now);
		if (!mustChange) {
			account.changePassword(account.passwordHash(), now);
		}
		Account saved = accounts.save(account);
		audit.record(AuditRecord.created("accounts", "account", saved.id(), saved.auditView()));
		return saved.id();
	}

	@Transactional
	void assignRoles(long id, int expectedVersion, Set<Role> roles) {
		Account account = loadForUpdate(id, expectedVersion);
		Map<String, Object> before = account.auditView();
		account.assignRoles(roles, clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.roles", "account", id, before, account.auditView()));
		// New roles take effect at the next sign-in; ending the sessions makes that now.
		sessions.endAll(account.username());
	}

	@Transactional
	void resetPassword(long id, String newPassword) {
		Account account = load(id);
		requirePolicy(newPassword, account.username(), "newPassword");
		Map<String, Object> before = account.auditView();
		account.resetPassword(passwordEncoder.encode(newPassword), clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.resetPassword", "account", id, before,
				account.auditView()));
		sessions.endAll(account.username());
	}

	@Transactional
	void disable(long id) {
		Account account = load(id);
		Map<String, Object> before = account.auditView();
		account.disable(clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.disable", "account", id, before, account.auditView()));
		sessions.endAll(account.username());
	}

	@Transactional
	void enable(long id) {
		Account account = load(id);
		Map<String, Object> before = account.auditView();
		account.enable(clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.enable", "account", id, before, account.auditView()));
	}

	@Transactional
	void unlock(long id) {
		Account account = load(id);
		Map<String, Object> before = account.auditView();
		account.unlock(clock.instant());
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", "account.unlock", "account", id, before, account.auditView()));
	}

	/** A transferred officer's scope changes with their unit: their sessions end, the next sign-in has the new one. */
	@ApplicationModuleListener
	void on(OfficerTransferred event) {
		accounts.findByOfficerId(event.officerId()).forEach(account -> sessions.endAll(account.username()));
	}

	/** A retired officer, or one who left, can no longer sign in. */
	@ApplicationModuleListener
	void on(OfficerLeft event) {
		accounts.findByOfficerId(event.officerId()).forEach(account -> {
			if (account.enabled()) {
				disable(account.id());
			}
		});
	}

	private void requirePolicy(String password, String username, String field) {
		List<String> problems = PasswordPolicy.violations(password, username);
		if (!problems.isEmpty()) {
			throw InvalidInputException.onField(field, problems.get(0));
		}
	}

	private Account load(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("accounts.notFound"));
	}

	private Account loadForUpdate(long id, int expectedVersion) {
		Account account = load(id);
		if (account.version() != expectedVersion) {
			throw new ConflictException("error.optimisticLock");
		}
		return account;
	}

}
