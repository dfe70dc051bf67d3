/**
 * The working-day calendar: Chinese public holidays and 调休 working days, business hours, and the arithmetic
 * every time limit is counted with.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.calendar;
