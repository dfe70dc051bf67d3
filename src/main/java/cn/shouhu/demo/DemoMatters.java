package cn.shouhu.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.CoHandling;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Identifiers;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.OfficerRef;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * Loads a few hundred demo matters in every state through the {@link MatterDesk}, so that their timelines, events
 * and audit records are real: received over the past six weeks, and the report's story — on the 清明 holiday a
 * mother locked out on the 7th floor with her two-year-old inside; 沼潭派出所 signs, the locksmith and 119
 * co-handle, it is resolved, replied, 满意, closed.
 * <p>
 * The desk reads the time from the application's {@link Clock}; in demo mode that clock is a {@link DemoClock},
 * which tells the real time except on the loading thread while a demo step is set in the past. It runs after the
 * demo branch (same package, registered after it), only in demo mode and only into an empty queue, in one
 * transaction.
 */
@Component
class DemoMatters implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoMatters.class);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final int COUNT = 240;

	/** A demo scenario: what people write about, and where. */
	private record Scenario(MatterKind kind, String category, Urgency urgency, String title, String text,
			String community, String address) {
	}

	private static final List<Scenario> SCENARIOS = List.of(
			new Scenario(MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL, "夜间广场舞噪音扰民",
					"小区广场每晚九点后仍有广场舞，音响声音很大，影响老人和孩子休息，希望派出所协调。", "民族东路社区", "民族东路某小区中心广场"),
			new Scenario(MatterKind.ENQUIRY, "HOUSEHOLD", Urgency.NORMAL, "咨询身份证到期换领",
					"身份证下月到期，想咨询在派出所换领需要带哪些材料，能否异地办理。", "沼潭社区", "沼潭街道某小区"),
			new Scenario(MatterKind.HELP, "EMERGENCY", Urgency.URGENT, "老人外出走失求助",
					"家中七十多岁的老人早上出门买菜至今未归，患有轻度认知障碍，请求帮助寻找。", "青山路社区", "青山路某小区"),
			new Scenario(MatterKind.COMPLAINT, "TRAFFIC", Urgency.NORMAL, "小区门口车辆违停堵塞通道",
					"小区门口长期有车辆违停，堵塞消防通道，早晚高峰出行困难。", "市府东路社区", "市府东路某小区北门"),
			new Scenario(MatterKind.TIP_OFF, "PUBLIC_ORDER", Urgency.NORMAL, "举报疑似聚众赌博",
					"某棋牌室晚上经常聚集多人，疑似赌博，进出人员复杂。", "胜利路社区", "胜利路某棋牌室"),
			new Scenario(MatterKind.HELP, "FRAUD", Urgency.URGENT, "接到冒充客服的诈骗电话",
					"接到自称网购客服的电话，要求提供验证码办理退款，担心已被骗，请求民警指导。", "友谊十八街坊社区", "友谊十八街坊"),
			new Scenario(MatterKind.HELP, "DISPUTE", Urgency.NORMAL, "楼上漏水邻里纠纷",
					"楼上住户卫生间漏水，多次协商无果，双方发生争吵，请求调解。", "沼潭村", "沼潭村某号院"),
			new Scenario(MatterKind.SUGGESTION, "PUBLIC_ORDER", Urgency.NORMAL, "建议增加夜间巡逻",
					"小区周边路灯较暗，夜间行人少，建议增加巡逻频次，提升群众安全感。", "民族东路社区", "民族东路与市府东路交叉口"),
			new Scenario(MatterKind.PRAISE, "OTHER", Urgency.NORMAL, "表扬社区民警热心帮助",
					"社区民警帮助独居老人办理户口迁移，多次上门服务，特此表扬。", "沼潭社区", "沼潭社区警务室"),
			new Scenario(MatterKind.COMPLAINT, "ENTERPRISE", Urgency.NORMAL, "企业反映周边夜间治安问题",
					"公司周边夜间有人员聚集滋事，员工下班不安全，希望加强治安管理。", "市府东路社区", "市府东路某产业园"),
			new Scenario(MatterKind.ENQUIRY, "HOUSEHOLD", Urgency.NORMAL, "咨询居住证办理条件",
					"外地来包头工作半年，想咨询办理居住证的条件和流程。", "胜利路社区", "胜利路某公寓"),
			new Scenario(MatterKind.HELP, "CRIME", Urgency.NORMAL, "电动车在楼下被盗",
					"昨晚停在楼下的电动自行车被盗，车锁被剪断，请求民警调查。", "青山路社区", "青山路某小区 3 号楼"));

	private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "高", "孙");

	private final MatterDesk desk;

	private final OrganizationDirectory organization;

	private final TransactionTemplate transaction;

	private final DemoProperties properties;

	private final Clock clock;

	DemoMatters(MatterDesk desk, OrganizationDirectory organization, TransactionTemplate transaction,
			DemoProperties properties, Clock clock) {
		this.desk = desk;
		this.organization = organization;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** In demo mode the application's clock, so that demo steps can happen in the past. */
	@Bean
	@Primary
	@ConditionalOnProperty(name = "shouhu.demo.enabled", havingValue = "true")
	static DemoClock demoClock() {
		return new DemoClock();
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!properties.enabled() || !(clock instanceof DemoClock demoClock) || !desk.isEmpty()) {
			return;
		}
		Map<String, UnitRef> units = organization.activeUnits()
			.stream()
			.collect(Collectors.toMap(UnitRef::name, Function.identity(), (a, b) -> a));
		if (!units.containsKey("沼潭派出所") || !units.containsKey("民族东路派出所")) {
			log.warn("Demo matters skipped: the demo branch is not loaded");
			return;
		}
		Instant now = clock.instant();
		try {
			transaction.executeWithoutResult(status -> new Loader(units, demoClock, now).load());
		}
		finally {
			demoClock.release();
		}
		log.info("Demo matters loaded");
	}

	/** One loading run: the staff who act, the units they act on, and a fixed random sequence. */
	private final class Loader {

		private final Map<String, UnitRef> units;

		private final DemoClock demoClock;

		private final Instant now;

		private final Random random = new Random(20260404L);

		private final CurrentStaff clerk;

		private final CurrentStaff coordinator;

		private final CurrentStaff handler;

		private final CurrentStaff leader;

		private final CurrentStaff leader2;

		Loader(Map<String, UnitRef> units, DemoClock demoClock, Instant now) {
			this.units = units;
			this.demoClock = demoClock;
			this.now = now;
			this.clerk = staff("clerk", "150101", Role.INTAKE_CLERK);
			this.coordinator = staff("coordinator", "150102", Role.COORDINATOR);
			this.handler = staff("handler", "150201", Role.HANDLER);
			this.leader = staff("leader", "150200", Role.UNIT_LEADER);
			this.leader2 = staff("leader2", "150300", Role.UNIT_LEADER);
		}

		private CurrentStaff staff(String username, String badgeNo, Role role) {
			OfficerRef officer = organization.findOfficerByBadgeNo(badgeNo).orElseThrow();
			return new CurrentStaff(0, username, officer.id(), officer.name(), officer.unitId(), officer.unitName(),
					EnumSet.of(role));
		}

		void load() {
			long previous = lockedOutOnQingming();
			for (int i = 0; i < COUNT; i++) {
				previous = one(i, previous);
			}
			batteryThefts();
		}

		/**
		 * This week's hot spot (热点) on the statistics page: e-bike batteries stolen around one estate, reported on
		 * the portal and dispatched to 沼潭派出所 — the last one still waits on the intake desk's live panel.
		 */
		private void batteryThefts() {
			List<String> texts = List.of("昨晚停在小区车棚的电动车电瓶被盗，车棚没有监控，希望民警来看看。",
					"早上下楼发现电动车电瓶被人撬走了，这已经是本月第二次，请派出所查一查。",
					"车棚里好几辆电动车的电瓶都被偷了，怀疑有人专门夜里作案，请加强巡逻。",
					"电动车停在单元门口，半夜电瓶被盗，锁也被剪断了，上班都成问题。",
					"我们楼下连续几天有电动车电瓶被盗，物业说管不了，请民警帮忙。",
					"刚买的电动车电瓶一夜之间就没了，车棚门口有陌生人徘徊过，请调查。",
					"小区电动车电瓶被盗的事越来越多，建议在车棚装监控并加强夜间巡查。");
			Instant monday = now.atZone(SHANGHAI)
				.toLocalDate()
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				.atStartOfDay(SHANGHAI)
				.toInstant();
			long minutesThisWeek = Math.max(texts.size() + 1, Duration.between(monday, now).toMinutes());
			for (int i = 0; i < texts.size(); i++) {
				Instant received = monday.plus(Duration.ofMinutes(minutesThisWeek * (i + 1) / (texts.size() + 1)));
				at(received);
				String phone = "13" + (5 + i % 5) + String.format("%08d", random.nextInt(100_000_000));
				long id = desk.submit(new Intake(Channel.PORTAL, MatterKind.HELP, null, Urgency.NORMAL,
						i % 2 == 0 ? "电动车电瓶被盗" : "小区车棚电动车电瓶被偷", texts.get(i),
						new Place("沼潭街道某小区车棚", "沼潭社区", null, null),
						Submitter.person(SURNAMES.get(i % SURNAMES.size()) + "先生", phone)))
					.id();
				if (i < texts.size() - 1) {
					at(received.plus(Duration.ofMinutes(1)));
					desk.dispatch(coordinator, id, version(id),
							new Dispatch("CRIME", Urgency.NORMAL, unit("沼潭派出所"), List.of(), null));
				}
			}
		}

		/** The report's story, on the 清明 holiday. */
		private long lockedOutOnQingming() {
			Instant received = LocalDateTime.parse("2026-04-04T10:12").atZone(SHANGHAI).toInstant();
			at(received);
			long id = desk.intake(clerk, new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.CRITICAL,
					"母亲被锁门外，两岁孩子独自在七楼屋内",
					"清明假期上午，一位母亲下楼取快递时房门被风关上，两岁的孩子独自在七楼屋内，手机和钥匙都在屋里，情况紧急，请求帮助。",
					new Place("昆都仑区沼潭街道某小区 7 号楼 2 单元 701", "沼潭社区", 40.6571, 109.8403),
					Submitter.person("刘女士", "13847215678")))
				.id();
			at(received.plus(Duration.ofMinutes(3)));
			desk.dispatch(coordinator, id, version(id), new Dispatch("EMERGENCY", Urgency.CRITICAL,
					unit("沼潭派出所"), List.of(new CoHandling(unit("昆都仑区便民开锁服务部"), "请立即派开锁师傅到场开门", null),
							new CoHandling(unit("119 昆都仑区消防救援大队"), "请派员到场，必要时破拆救援", null)),
					"紧急求助：儿童独自被锁屋内"));
			at(received.plus(Duration.ofMinutes(5)));
			desk.sign(handler, id, version(id));
			at(received.plus(Duration.ofMinutes(12)));
			desk.recordProgress(handler, id, version(id), "值班民警到场，安抚母亲，与屋内孩子隔门说话，确认孩子安全。");
			at(received.plus(Duration.ofMinutes(25)));
			desk.recordTaskResult(handler, id, version(id), 1, "开锁师傅到场，无损开启房门。");
			at(received.plus(Duration.ofMinutes(26)));
			desk.recordTaskResult(handler, id, version(id), 2, "消防员到场待命，房门已由开锁师傅打开，未实施破拆。");
			at(received.plus(Duration.ofMinutes(40)));
			desk.draftReply(handler, id, version(id), "孩子已安全，房门已打开，母子平安。",
					"提醒住户在亲友处存放备用钥匙；社区民警在小区开展儿童居家安全提示。");
			at(received.plus(Duration.ofMinutes(55)));
			desk.approveReply(leader, id, version(id));
			at(received.plus(Duration.ofHours(5)));
			desk.recordFollowUp(coordinator, id, version(id), Satisfaction.SATISFIED, "感谢民警、开锁师傅和消防员，来得很快。");
			closeIfReplied(id, received.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(5)));
			return id;
		}

		/** One matter, taken to the state its number picks. */
		private long one(int i, long previous) {
			Scenario scenario = SCENARIOS.get(i % SCENARIOS.size());
			int plan = i % 20;
			boolean early = plan >= 11 && plan <= 13;
			long hoursAgo = early ? 2 + random.nextInt(30) : 24L * (4 + random.nextInt(38)) + random.nextInt(10);
			Instant received = now.minus(Duration.ofHours(hoursAgo));
			boolean zhaotan = !List.of("民族东路社区", "市府东路社区", "胜利路社区").contains(scenario.community());
			long station = unit(zhaotan ? "沼潭派出所" : "民族东路派出所");
			CurrentStaff doer = zhaotan ? handler : leader2;
			CurrentStaff approver = zhaotan ? leader : leader2;
			Channel channel = List.of(Channel.PHONE, Channel.WALK_IN, Channel.LETTER, Channel.PHONE).get(i % 4);

			at(received);
			long id = desk.intake(clerk, new Intake(channel, scenario.kind(), scenario.category(), scenario.urgency(),
					scenario.title(), scenario.text(), new Place(scenario.address(), scenario.community(), null, null),
					submitter(i, scenario)))
				.id();
			if (plan == 13) {
				return id;
			}
			if (plan == 17) {
				at(received.plus(Duration.ofMinutes(10)));
				desk.merge(coordinator, id, version(id), previous);
				return previous;
			}
			List<CoHandling> coHandlers = plan == 19 || scenario.category().equals("DISPUTE")
					? List.of(new CoHandling(unit("沼潭街道办事处"), "请社区网格员协助走访了解情况", null)) : List.of();
			at(received.plus(Duration.ofMinutes(15)));
			desk.dispatch(coordinator, id, version(id),
					new Dispatch(scenario.category(), scenario.urgency(), station, coHandlers, null));
			if (plan == 12) {
				return id;
			}
			if (plan == 14) {
				at(received.plus(Duration.ofMinutes(50)));
				desk.returnToCoordinators(approver, id, version(id), "该事项属交通管理职责，建议转交管大队办理。");
				return id;
			}
			at(received.plus(Duration.ofMinutes(40)));
			desk.sign(doer, id, version(id));
			if (plan == 11) {
				return id;
			}
			at(received.plus(Duration.ofHours(3)));
			desk.recordProgress(doer, id, version(id), "已联系诉求人了解情况，正在核查处理。");
			if (!coHandlers.isEmpty()) {
				at(received.plus(Duration.ofHours(5)));
				desk.recordTaskResult(doer, id, version(id), 1, "社区网格员已走访，协助做好双方沟通。");
			}
			if (plan == 19) {
				at(received.plus(Duration.ofHours(6)));
				desk.supervise(coordinator, id, version(id), "请加快办理进度。");
			}
			if (plan == 10 || plan == 19) {
				return id;
			}
			if (plan == 15) {
				at(received.plus(Duration.ofHours(7)));
				desk.waitForSubmitter(doer, id, version(id), "请补充事发时间和具体位置。");
				return id;
			}
			at(received.plus(Duration.ofHours(20)));
			desk.draftReply(doer, id, version(id), "经核查，已依法处理，并向诉求人反馈。", "加强巡查，定期回访。");
			if (plan == 9) {
				return id;
			}
			at(received.plus(Duration.ofHours(22)));
			desk.approveReply(approver, id, version(id));
			if (plan == 8) {
				return id;
			}
			at(received.plus(Duration.ofHours(30)));
			Satisfaction verdict = plan == 16 ? Satisfaction.UNSATISFIED
					: plan == 18 ? Satisfaction.BASICALLY_SATISFIED : Satisfaction.SATISFIED;
			desk.recordFollowUp(coordinator, id, version(id), verdict,
					verdict == Satisfaction.UNSATISFIED ? "问题仍未解决。" : "处理及时，满意。");
			closeIfReplied(id, received.plus(Duration.ofHours(31)));
			return id;
		}

		private Submitter submitter(int i, Scenario scenario) {
			if (scenario.kind() == MatterKind.TIP_OFF && i % 3 == 0) {
				return Submitter.anonymousPerson();
			}
			String name = SURNAMES.get(i % SURNAMES.size()) + (i % 2 == 0 ? "先生" : "女士");
			String phone = "13" + (5 + i % 5) + String.format("%08d", random.nextInt(100_000_000));
			if (scenario.category().equals("ENTERPRISE")) {
				String first17 = "91150203" + String.format("%09d", 100_000 + i);
				return new Submitter(false, name, phone, null, "包头市某制造有限公司",
						first17 + Identifiers.creditCodeCheckChar(first17));
			}
			return Submitter.person(name, phone);
		}

		private void closeIfReplied(long id, Instant at) {
			if (desk.details(coordinator, id).state() == MatterState.REPLIED) {
				at(at);
				desk.close(coordinator, id, version(id), null);
			}
		}

		private int version(long id) {
			return desk.details(coordinator, id).version();
		}

		private long unit(String name) {
			return units.get(name).id();
		}

		/** Steps happen at their demo time, never after the present. */
		private void at(Instant instant) {
			demoClock.hold(instant.isAfter(now) ? now : instant);
		}

	}

	/**
	 * The application's clock in demo mode: the real time, except on a thread that holds a demo instant (the
	 * loading thread, while it loads).
	 */
	static final class DemoClock extends Clock {

		private final ThreadLocal<Instant> held = new ThreadLocal<>();

		void hold(Instant instant) {
			held.set(instant);
		}

		void release() {
			held.remove();
		}

		@Override
		public Instant instant() {
			Instant instant = held.get();
			return instant != null ? instant : Instant.now();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.system(zone);
		}

	}

}
