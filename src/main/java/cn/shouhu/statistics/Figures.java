package cn.shouhu.statistics;

/**
 * The closed loop's figures for one group (a unit, a category, a kind, a channel, a day, or everything).
 * Rates are percentages with one decimal and averages are working minutes with one decimal; both are null when
 * there is nothing to divide by. {@code overdueNow} is the live count of open matters past a deadline, null for a
 * day (it has no date).
 *
 * @param key the group's code (a unit id, category code, enum name or ISO date; "all" for the total)
 * @param label the group's name for people
 */
public record Figures(String key, String label, long received, long dispatched, long replied, long closed,
		long closedOnTime, long reopened, long followUps, long satisfied, long basicallySatisfied, long unsatisfied,
		Double onTimeRate, Double satisfactionRate, Double reopenRate, Double avgSignMinutes,
		Double avgReplyMinutes, Double avgCloseMinutes, Long overdueNow) {

	/** Builds the derived figures from the summed counters. */
	public static Figures of(String key, String label, Counters c, Long overdueNow) {
		long followUps = c.satisfied() + c.basicallySatisfied() + c.unsatisfied();
		return new Figures(key, label, c.received(), c.dispatched(), c.replied(), c.closed(), c.closedOnTime(),
				c.reopened(), followUps, c.satisfied(), c.basicallySatisfied(), c.unsatisfied(),
				percent(c.closedOnTime(), c.closed()),
				percent(c.satisfied() + c.basicallySatisfied(), followUps), percent(c.reopened(), c.replied()),
				average(c.signMinutes(), c.signCount()), average(c.replyMinutes(), c.replyCount()),
				average(c.closeMinutes(), c.closeCount()), overdueNow);
	}

	private static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

	private static Double average(long sum, long count) {
		return count == 0 ? null : Math.round(sum * 10.0 / count) / 10.0;
	}

	/** The roll-up counters of a group, summed over its rows. */
	public record Counters(long received, long dispatched, long replied, long closed, long closedOnTime,
			long reopened, long satisfied, long basicallySatisfied, long unsatisfied, long signMinutes,
			long signCount, long replyMinutes, long replyCount, long closeMinutes, long closeCount) {

		public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

		public Counters plus(Counters o) {
			return new Counters(received + o.received, dispatched + o.dispatched, replied + o.replied,
					closed + o.closed, closedOnTime + o.closedOnTime, reopened + o.reopened, satisfied + o.satisfied,
					basicallySatisfied + o.basicallySatisfied, unsatisfied + o.unsatisfied,
					signMinutes + o.signMinutes, signCount + o.signCount, replyMinutes + o.replyMinutes,
					replyCount + o.replyCount, closeMinutes + o.closeMinutes, closeCount + o.closeCount);
		}

	}

}
