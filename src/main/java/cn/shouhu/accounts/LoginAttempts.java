package cn.shouhu.accounts;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins and locks an account when they reach the limit; a success starts the count again. */
@Component
class LoginAttempts {

	private final AccountRepository accounts;

	private final AccountSecurityProperties properties;

	private final Clock clock;

	LoginAttempts(AccountRepository accounts, AccountSecurityProperties properties, Clock clock) {
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		if (username != null) {
			accounts.recordFailedLogin(username.trim(), properties.maxFailedLogins(),
					clock.instant().plus(properties.lockout()));
		}
	}

	@EventListener
	@Transactional
	void onSuccess(AuthenticationSuccessEvent event) {
		accounts.clearFailedLogins(event.getAuthentication().getName());
	}

}
