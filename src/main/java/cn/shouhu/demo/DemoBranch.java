package cn.shouhu.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.shouhu.accounts.AccountSetup;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.Role;

/**
 * Loads the demo branch: the units named in the report, plausible brigades, stations and teams, about forty
 * fictional officers and one account per role. It runs only in demo mode and only into an empty organisation,
 * in one transaction, so a start that is killed half-way leaves nothing half-loaded. It loads before the web
 * server opens, so nobody can sign in to a half-loaded branch.
 */
@Component
class DemoBranch implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoBranch.class);

	/** One demo account: login name, role, unit, and the officer it belongs to. */
	record DemoAccount(String username, Role role, String unit, String badgeNo) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("clerk", Role.INTAKE_CLERK, "情报指挥中心", "150101"),
			new DemoAccount("coordinator", Role.COORDINATOR, "情报指挥中心", "150102"),
			new DemoAccount("handler", Role.HANDLER, "沼潭派出所", "150201"),
			new DemoAccount("leader", Role.UNIT_LEADER, "沼潭派出所", "150200"),
			new DemoAccount("leader2", Role.UNIT_LEADER, "民族东路派出所", "150300"),
			new DemoAccount("branchlead", Role.BRANCH_LEADER, "包头市公安局昆都仑区分局", "150001"),
			new DemoAccount("politics", Role.POLITICAL_WORK, "政治工作办公室", "150011"),
			new DemoAccount("sysadmin", Role.SYSTEM_ADMIN, "情报指挥中心", "150103"),
			new DemoAccount("secadmin", Role.SECURITY_ADMIN, "政治工作办公室", "150012"),
			new DemoAccount("auditor", Role.AUDITOR, "督察大队", "150021"));

	private final OrganizationSetup organization;

	private final AccountSetup accounts;

	private final TransactionTemplate transaction;

	private final DemoProperties properties;

	DemoBranch(OrganizationSetup organization, AccountSetup accounts, TransactionTemplate transaction,
			DemoProperties properties) {
		this.organization = organization;
		this.accounts = accounts;
		this.transaction = transaction;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!properties.enabled()) {
			return;
		}
		if (organization.isEmpty()) {
			transaction.executeWithoutResult(status -> load());
			log.info("Demo branch loaded");
		}
		printAccounts();
	}

	void load() {
		Map<String, Long> units = new LinkedHashMap<>();
		long branch = organization.createUnit(null, "包头市公安局昆都仑区分局", UnitType.BRANCH, 0);
		units.put("包头市公安局昆都仑区分局", branch);
		int order = 1;
		for (String office : List.of("政治工作办公室", "情报指挥中心", "反电信网络诈骗中心")) {
			units.put(office, organization.createUnit(branch, office, UnitType.OFFICE, order++));
		}
		for (String brigade : List.of("督察大队", "刑事侦查大队", "治安管理大队", "交通管理大队", "网络安全保卫大队",
				"户政出入境管理大队")) {
			units.put(brigade, organization.createUnit(branch, brigade, UnitType.BRIGADE, order++));
		}
		for (Station station : STATIONS) {
			long id = organization.createUnit(branch, station.name(), UnitType.STATION, order++);
			units.put(station.name(), id);
			organization.setJurisdiction(id, station.communities(), station.roads());
			int team = 1;
			for (String teamName : List.of("社区警务队", "打击办案队", "综合指挥室")) {
				units.put(station.name() + teamName, organization.createUnit(id, teamName, UnitType.TEAM, team++));
			}
		}
		for (String agency : List.of("119 昆都仑区消防救援大队", "120 包头市急救中心", "昆都仑区便民开锁服务部", "沼潭街道办事处",
				"昆都仑区司法局沼潭司法所", "12345 市民服务热线")) {
			units.put(agency, organization.createUnit(branch, agency, UnitType.EXTERNAL_AGENCY, order++));
		}

		// The officers of the demo accounts first, then the rest of the roster.
		for (DemoAccount account : ACCOUNTS) {
			long officer = organization.createOfficer(account.badgeNo(), NAMES.get(ACCOUNTS.indexOf(account)),
					units.get(account.unit()), positionOf(account.role()), true);
			accounts.open(account.username(), officer, EnumSet.of(account.role()), properties.password(), false);
		}
		List<String> rosterUnits = new ArrayList<>(units.keySet().stream()
			.filter(name -> !name.matches("^(119|120|12345).*|.*(开锁|街道|司法所).*"))
			.toList());
		for (int i = ACCOUNTS.size(); i < NAMES.size(); i++) {
			String unit = rosterUnits.get(i % rosterUnits.size());
			organization.createOfficer(String.valueOf(150400 + i), NAMES.get(i), units.get(unit),
					i % 7 == 0 ? "副所长" : "民警", i % 3 != 0);
		}
	}

	private void printAccounts() {
		StringBuilder text = new StringBuilder("\n\n  Shouhu demo accounts (password for all: ")
			.append(properties.password())
			.append(")\n");
		for (DemoAccount account : ACCOUNTS) {
			text.append(String.format("    %-12s %-15s %s%n", account.username(), account.role(), account.unit()));
		}
		log.info(text.toString());
	}

	private static String positionOf(Role role) {
		return switch (role) {
			case UNIT_LEADER -> "所长";
			case BRANCH_LEADER -> "副局长";
			case COORDINATOR -> "值班长";
			default -> "民警";
		};
	}

	record Station(String name, List<String> communities, List<String> roads) {
	}

	static final List<Station> STATIONS = List.of(
			new Station("沼潭派出所", List.of("沼潭社区", "青山路社区", "友谊十八街坊社区", "沼潭村"),
					List.of("钢铁大街", "昆河路", "沼潭路", "青年路")),
			new Station("民族东路派出所", List.of("民族东路社区", "市府东路社区", "胜利路社区"),
					List.of("民族东路", "市府东路", "胜利路")),
			new Station("少先路派出所", List.of("少先路社区", "团结大街社区", "白云路社区"), List.of("少先路", "团结大街", "白云路")),
			new Station("友谊大街派出所", List.of("友谊大街社区", "阿尔丁大街社区", "林荫路社区"),
					List.of("友谊大街", "阿尔丁大街", "林荫路")));

	/** Fictional names: the report's people are not used. */
	static final List<String> NAMES = List.of("李建国", "王晓明", "张志远", "刘海涛", "陈立新", "杨文博", "赵国庆", "黄伟东",
			"周敏", "吴晓燕", "徐志强", "孙红梅", "马俊", "朱丽娟", "胡海波", "郭永刚", "何晓东", "高志华", "林晓峰", "罗文静",
			"郑宏伟", "梁晓光", "谢春燕", "宋建军", "唐丽华", "许明亮", "韩雪", "冯国栋", "邓晓辉", "曹静", "彭志勇", "曾晓丽",
			"肖剑", "田野", "董文华", "袁立军", "潘晓红", "于海洋", "蒋志明", "蔡雅琴", "余晓波", "杜春雷");

}
