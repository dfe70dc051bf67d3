package cn.shouhu.statistics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterDispatched;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterReceived;
import cn.shouhu.matters.MatterReopened;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.MatterSigned;

/**
 * Keeps the roll-ups as matters move. {@link ApplicationModuleListener} runs after the matter's transaction
 * committed, asynchronously, in a new transaction of its own ({@code REQUIRES_NEW}); {@link DailyRollups#apply}
 * joins it, so the idempotency mark and the counters commit together, and the event publication is marked
 * complete only after that commit. An event whose publication stayed incomplete (a crash, a failed update) is
 * delivered again and skipped if it was counted. One method per counted event, so that the outbox stores no
 * publication for the events the figures do not use.
 */
@Component
class MatterStatisticsListener {

	private final DailyRollups rollups;

	MatterStatisticsListener(DailyRollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(MatterReceived event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterDispatched event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterSigned event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterReplied event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterReopened event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterFollowedUp event) {
		rollups.apply(event);
	}

	@ApplicationModuleListener
	void on(MatterClosed event) {
		rollups.apply(event);
	}

}
