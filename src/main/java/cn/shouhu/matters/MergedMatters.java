package cn.shouhu.matters;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A merged matter follows its master's outcome: when the master closes, its duplicates close with its reply.
 * Idempotent: only duplicates still merged are touched, so a redelivered event changes nothing.
 */
@Component
class MergedMatters {

	private final MatterDesk desk;

	MergedMatters(MatterDesk desk) {
		this.desk = desk;
	}

	@ApplicationModuleListener
	void on(MatterClosed closed) {
		desk.closeDuplicatesOf(closed.matterId());
	}

}
