package cn.shouhu.matters;

import java.time.Instant;

/**
 * What happened to a matter, published when the matter is saved: immutable, past tense, ids and values only
 * (no personal data, since events are stored in the outbox). Listeners must be idempotent.
 */
public sealed interface MatterEvent
		permits MatterReceived, MatterDispatched, MatterSigned, MatterReturned,
		MatterTransferred, MatterProgressRecorded, CoHandlingRequested, CoHandlingCompleted,
		CoHandlingCancelled, MatterExtensionRequested, MatterExtensionApproved, MatterExtensionRefused,
		MatterPaused, MatterResumed, MatterReplyDrafted, MatterReplyRejected,
		MatterReplied, MatterFollowedUp, MatterReopened, MatterClosed,
		MatterLinked, MatterMerged, MatterSupervised, MatterInformationAdded {

	long matterId();

	Instant occurredAt();

}
