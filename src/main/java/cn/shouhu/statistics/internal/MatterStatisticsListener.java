package cn.shouhu.statistics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterEvent;

/**
 * Keeps the roll-ups as matters move. {@link ApplicationModuleListener} runs after the matter's transaction
 * committed, in a new transaction of its own ({@code REQUIRES_NEW}); {@link DailyRollups#apply} joins it, so the
 * idempotency mark and the counters commit together with the event publication's completion. An event whose
 * publication stayed incomplete (a crash, a failed update) is delivered again and skipped if it was counted.
 */
@Component
class MatterStatisticsListener {

	private final DailyRollups rollups;

	MatterStatisticsListener(DailyRollups rollups) {
		this.rollups = rollups;
	}

	@ApplicationModuleListener
	void on(MatterEvent event) {
		rollups.apply(event);
	}

}
