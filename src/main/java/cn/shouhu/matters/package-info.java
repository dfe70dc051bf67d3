/**
 * The closed loop (诉求事项闭环): every matter from intake through dispatch, signing, co-handling, working-day time
 * limits, supervision, reply and follow-up to a counted close. {@link cn.shouhu.matters.MatterDesk} is its door.
 */
@org.springframework.modulith.ApplicationModule
package cn.shouhu.matters;
