package cn.shouhu.matters;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One co-handling unit's part of a matter (协办任务). Tasks are numbered from 1 in the order they were asked for
 * and never removed, only cancelled.
 */
@Table("matter_task")
public record CoHandlingTask(int taskNo, long unitId, String request, Instant due, TaskState state, String result,
		Instant requestedAt, Instant completedAt, Long recordedBy, String recordedByName) {

	public boolean isOpen() {
		return state == TaskState.OPEN;
	}

	CoHandlingTask finished(TaskState newState, String text, Actor actor, Instant at) {
		return new CoHandlingTask(taskNo, unitId, request, due, newState, text, requestedAt, at, actor.officerId(),
				actor.name());
	}

}
