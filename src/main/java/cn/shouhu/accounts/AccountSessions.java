package cn.shouhu.accounts;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends every session of an account, on every node: sessions live in the database. */
@Component
class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	int endAll(String username) {
		var found = sessions.findByPrincipalName(username);
		found.keySet().forEach(sessions::deleteById);
		return found.size();
	}

}
