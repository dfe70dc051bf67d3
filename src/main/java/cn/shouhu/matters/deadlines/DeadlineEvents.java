package cn.shouhu.matters.deadlines;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterDispatched;
import cn.shouhu.matters.MatterEvent;
import cn.shouhu.matters.MatterExtensionApproved;
import cn.shouhu.matters.MatterMerged;
import cn.shouhu.matters.MatterPaused;
import cn.shouhu.matters.MatterReopened;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.MatterResumed;
import cn.shouhu.matters.MatterReturned;
import cn.shouhu.matters.MatterSigned;
import cn.shouhu.matters.MatterTransferred;

/**
 * Sets a matter's timers whenever its deadlines start, move or stop being owed.
 * <p>
 * A plain, synchronous listener: the core publishes these events while it saves the matter, inside the action's
 * transaction, so the timers are written in that same transaction (see {@link DeadlineTimers}) and a rolled-back
 * action leaves no timer behind, while a committed one never lacks its timers. (An after-commit or asynchronous
 * listener could lose the timers if the node died in between; a before-commit one would work too, but adds
 * nothing here.) The listener reads the matter as it now stands, so it is idempotent and the order of events
 * does not matter. Supervision (督办) is not listened to: it moves no deadline, and the timers cause it.
 */
@Component
class DeadlineEvents {

	private final DeadlineWatch watch;

	DeadlineEvents(DeadlineWatch watch) {
		this.watch = watch;
	}

	@EventListener({ MatterDispatched.class, MatterTransferred.class, MatterSigned.class, MatterReturned.class,
			MatterExtensionApproved.class, MatterPaused.class, MatterResumed.class, MatterReplied.class,
			MatterReopened.class, MatterClosed.class, MatterMerged.class })
	void on(MatterEvent event) {
		watch.watch(event.matterId());
	}

}
