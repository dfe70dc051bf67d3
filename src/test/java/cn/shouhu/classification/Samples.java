package cn.shouhu.classification;

import java.util.ArrayList;
import java.util.List;

/** A small hand-written training set: three categories of short citizen messages, eight each. */
final class Samples {

	static final List<LabelledText> TRAINING = build();

	private Samples() {
	}

	private static List<LabelledText> build() {
		List<LabelledText> texts = new ArrayList<>();
		add(texts, "TRAFFIC", "小区门口车辆乱停放", "每天晚上小区门口都有很多车辆乱停放，堵住了消防通道，希望交警来处理。",
				"路口红绿灯坏了", "建设路和人民路路口的红绿灯坏了三天，车辆通行很混乱，容易发生交通事故。",
				"货车超载超速", "最近很多大货车在学校附近超载超速行驶，噪音大还很危险，请求交警加强检查。",
				"电动车逆行", "大量电动车在主干道逆行，还闯红灯，交通秩序很差，建议整治。",
				"驾驶证补办", "我的驾驶证丢了，请问补办驾驶证需要带什么材料，去哪个车管所办理？",
				"酒后驾驶举报", "有人每天晚上喝酒后驾驶汽车回家，车速很快，请求查处酒驾。",
				"停车场收费乱", "商场停车场收费标准不明确，停车一小时收了二十元，希望有关部门管理。",
				"公交站台占道", "公交站台旁边的道路被出租车长期占用，公交车无法进站停车。");
		add(texts, "FRAUD", "接到冒充客服的诈骗电话", "有人冒充快递客服打电话说要理赔，让我下载软件共享屏幕，转账后才发现被骗了。",
				"网上刷单被骗", "在网上看到刷单兼职广告，先给了几笔小额返利，后来让我垫付两万元，再也联系不上。",
				"冒充公检法诈骗", "对方自称是公安局民警，说我涉嫌洗钱，要求把存款转到安全账户，我怀疑是诈骗。",
				"投资理财平台骗局", "朋友介绍一个投资理财平台，说收益很高，充值十万元以后平台无法提现，客服失联。",
				"老人被骗买保健品", "我父亲参加免费讲座后花了三万元购买保健品，说能治百病，明显是骗局。",
				"网络贷款诈骗", "申请网络贷款时被要求先交保证金和解冻费，交了五千元还是没有放款。",
				"游戏账号交易被骗", "在交易平台买游戏账号，付款以后卖家把我拉黑了，钱也要不回来。",
				"虚假中奖短信", "收到短信说我中了大奖，需要先交手续费才能领取奖金，这是不是诈骗？");
		add(texts, "HOUSEHOLD", "新生儿落户咨询", "孩子刚出生，请问给新生儿办理户口登记需要准备哪些材料，在哪个派出所办理？",
				"身份证到期换领", "我的身份证下个月到期，可以提前换领吗，需要本人到户籍窗口办理吗？",
				"户口迁移手续", "我在外地买了房子，想把户口迁过去，户口迁移需要哪些手续和证明？",
				"居住证办理", "外地人在本市工作满半年，如何申请办理居住证，需要社保证明吗？",
				"户籍证明开具", "单位要求开具户籍证明，请问派出所户籍室周末上班吗？",
				"临时身份证", "身份证丢失了，马上要坐飞机，能不能办理临时身份证，多久能拿到？",
				"户口本信息错误", "户口本上的出生日期登记错误，与身份证不一致，怎么申请更正？",
				"集体户口落户", "大学毕业后集体户口要迁出，想落户到人才市场，流程是怎样的？");
		return List.copyOf(texts);
	}

	private static void add(List<LabelledText> texts, String label, String... subjectsAndDetails) {
		for (int i = 0; i < subjectsAndDetails.length; i += 2) {
			texts.add(new LabelledText(subjectsAndDetails[i], subjectsAndDetails[i + 1], label));
		}
	}

}
