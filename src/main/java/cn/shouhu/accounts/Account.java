package cn.shouhu.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;

/** A staff member's account. It guards its own rules: the 三员 role separation, lockout and password state. */
@Table("account")
class Account {

	@Id
	private Long id;

	private String username;

	private long officerId;

	private String passwordHash;

	private boolean enabled;

	private boolean mustChangePassword;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "account_id")
	private Set<AccountRole> roles;

	Account() {
	}

	/** A new account made by the security administrator: its first sign-in must set a new password. */
	static Account open(String username, long officerId, String passwordHash, Set<Role> roles, Instant now) {
		Account account = new Account();
		account.username = username;
		account.officerId = officerId;
		account.passwordHash = passwordHash;
		account.enabled = true;
		account.mustChangePassword = true;
		account.createdAt = now;
		account.updatedAt = now;
		account.assignRoles(roles, now);
		return account;
	}

	void assignRoles(Set<Role> newRoles, Instant now) {
		if (newRoles == null || newRoles.isEmpty()) {
			throw InvalidInputException.onField("roles", "accounts.roles.required");
		}
		if (!Role.isValidCombination(newRoles)) {
			throw InvalidInputException.onField("roles", "accounts.roles.separation");
		}
		this.roles = newRoles.stream().map(AccountRole::new).collect(Collectors.toSet());
		this.updatedAt = now;
	}

	/** The holder changed their own password. */
	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = false;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	/** The security administrator set a new initial password: the holder must change it at next sign-in. */
	void resetPassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.mustChangePassword = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	void disable(Instant now) {
		this.enabled = false;
		this.updatedAt = now;
	}

	void enable(Instant now) {
		this.enabled = true;
		this.updatedAt = now;
	}

	void unlock(Instant now) {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** The values an audit record shows; never the password hash. */
	Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("username", username);
		view.put("officerId", officerId);
		view.put("roles", roleSet().stream().map(Enum::name).sorted().toList());
		view.put("enabled", enabled);
		view.put("mustChangePassword", mustChangePassword);
		view.put("lockedUntil", lockedUntil);
		return view;
	}

	Set<Role> roleSet() {
		if (roles == null || roles.isEmpty()) {
			return EnumSet.noneOf(Role.class);
		}
		return roles.stream().map(AccountRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	long officerId() {
		return officerId;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	int failedAttempts() {
		return failedAttempts;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	Integer version() {
		return version;
	}

	Instant createdAt() {
		return createdAt;
	}

	/** One role held by an account (a row of account_role). */
	@Table("account_role")
	record AccountRole(Role role) {
	}

}
