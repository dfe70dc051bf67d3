package cn.shouhu.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

	/** The orders the account list offers: a whitelist, so no request text reaches ORDER BY. */
	enum AccountSort {

		USERNAME("username, id"), NEWEST("created_at DESC, id DESC");

		private final String orderBy;

		AccountSort(String orderBy) {
			this.orderBy = orderBy;
		}

		static AccountSort parse(String value) {
			for (AccountSort sort : values()) {
				if (sort.name().equalsIgnoreCase(value)) {
					return sort;
				}
			}
			return USERNAME;
		}

	}

	@Transactional(readOnly = true)
	AccountPage list(String query, AccountSort sort, int page, int size) {
		long total = filtered("SELECT COUNT(*) FROM account", query, "").query(Long.class).single();
		List<Long> ids = filtered("SELECT id FROM account", query, " ORDER BY " + sort.orderBy + " LIMIT :limit OFFSET :offset")
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(Long.class)
			.list();
		Instant now = clock.instant();
		List<AccountRow> rows = ids.stream().map(id -> row(accounts.findById(id).orElseThrow(), now)).toList();
		return new AccountPage(rows, total, page, size);
	}

	/** Every account the search finds, in the list's order (a branch has hundreds, not millions). */
	@Transactional(readOnly = true)
	List<AccountRow> all(String query, AccountSort sort) {
		Instant now = clock.instant();
		return filtered("SELECT id FROM account", query, " ORDER BY " + sort.orderBy).query(Long.class)
			.list()
			.stream()
			.map(id -> row(accounts.findById(id).orElseThrow(), now))
			.toList();
	}

	/** The search: part of the username, or an officer's exact 警号; both bound as parameters. */
	private JdbcClient.StatementSpec filtered(String select, String query, String tail) {
		String text = query == null ? "" : query.trim();
		String pattern = text.isEmpty() ? null
				: "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		long officerId = text.isEmpty() ? -1L
				: organization.findOfficerByBadgeNo(text).map(OfficerRef::id).orElse(-1L);
		return jdbc.sql(select + " WHERE (CAST(:pattern AS VARCHAR) IS NULL OR LOWER(username) LIKE :pattern ESCAPE '\\'"
				+ " OR officer_id = :officerId)" + tail)
			.param("pattern", pattern)
			.param("officerId", officerId);
	}

	@Transactional(readOnly = true)
	AccountRow find(long id) {
		return row(load(id), clock.instant());
	}

	private AccountRow row(Account account, Instant now) {
		OfficerRef officer = organization.findOfficer(account.officerId()).orElse(null);
		return new AccountRow(account.id(), account.username(), officer == null ? "" : officer.badgeNo(),
				officer == null ? "" : officer.name(), officer == null ? "" : officer.unitName(), account.roleSet(),
				account.enabled(), account.isLockedAt(now), account.mustChangePassword());
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
		requirePolicy(newPassword, load(id).username(), "newPassword");
		String hash = passwordEncoder.encode(newPassword);
		Account account = change(id, "account.resetPassword", a -> a.resetPassword(hash, clock.instant()));
		sessions.endAll(account.username());
	}

	@Transactional
	void disable(long id) {
		Account account = change(id, "account.disable", a -> a.disable(clock.instant()));
		sessions.endAll(account.username());
	}

	@Transactional
	void enable(long id) {
		change(id, "account.enable", a -> a.enable(clock.instant()));
	}

	@Transactional
	void unlock(long id) {
		change(id, "account.unlock", a -> a.unlock(clock.instant()));
	}

	/** Applies one change to an account and records it, with the values before and after. */
	private Account change(long id, String action, Consumer<Account> change) {
		Account account = load(id);
		Map<String, Object> before = account.auditView();
		change.accept(account);
		accounts.save(account);
		audit.record(AuditRecord.updated("accounts", action, "account", id, before, account.auditView()));
		return account;
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
