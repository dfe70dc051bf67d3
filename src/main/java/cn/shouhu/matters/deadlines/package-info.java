/**
 * 时限监控: the deadline timers of the closed loop — warnings at 70 % and 90 % of each working-day limit, 督办 when
 * it passes, escalation to the unit leader and then the branch — kept in the database by db-scheduler.
 */
package cn.shouhu.matters.deadlines;
