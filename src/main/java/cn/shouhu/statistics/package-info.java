/**
 * Statistics (统计分析): the closed loop's figures by unit, category, kind, channel and day, read from daily
 * roll-ups that idempotent listeners keep on the matters' events. {@link cn.shouhu.statistics.Statistics} is its door.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.statistics;
