package cn.shouhu.matters.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * Attachments at the intake desk and on download, with the data directory in a temporary folder: what is kept on
 * disk and in the database, what is refused (and then nothing is kept), and who may download.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AttachmentsWebTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("shouhu.data-dir", () -> dataDir.toString());
	}

	static final byte[] PNG = bytes("89504e470d0a1a0a0000000d49484452", "a PNG's body");

	static final byte[] PDF = bytes("255044462d312e370a", "1 0 obj << >> endobj %%EOF");

	static final byte[] JPEG = bytes("ffd8ffe000104a464946", "a JPEG's body");

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MatterDesk desk;

	@Autowired
	AttachedIntake attachedIntake;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	long branch;

	long stationA;

	long stationB;

	String suffix;

	@BeforeEach
	void createUnits() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		suffix = "-" + UNITS.incrementAndGet();
		stationA = organization.createUnit(branch, "沼潭" + suffix + "派出所", UnitType.STATION, 1);
		stationB = organization.createUnit(branch, "民族东路派出所" + suffix, UnitType.STATION, 2);
	}

	static byte[] bytes(String magicHex, String body) {
		byte[] magic = HexFormat.of().parseHex(magicHex);
		byte[] rest = body.getBytes(StandardCharsets.UTF_8);
		byte[] all = Arrays.copyOf(magic, magic.length + rest.length);
		System.arraycopy(rest, 0, all, magic.length, rest.length);
		return all;
	}

	static CurrentStaff staff(Role role, long unitId) {
		return new CurrentStaff(1000 + unitId, "u" + unitId, 1000 + unitId, "民警" + unitId, unitId, "单位" + unitId,
				EnumSet.of(role));
	}

	CurrentStaff clerk() {
		return staff(Role.INTAKE_CLERK, branch);
	}

	static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("attachments", name, "application/octet-stream", content);
	}

	/** A good help request from the intake form, with the files attached. */
	MockMultipartHttpServletRequestBuilder intake(String title, MockMultipartFile... files) {
		MockMultipartHttpServletRequestBuilder request = multipart("/matters/intake");
		for (MockMultipartFile file : files) {
			request.file(file);
		}
		Map.of("channel", "PHONE", "kind", "HELP", "urgency", "URGENT", "title", title, "description",
				"孩子被反锁在屋内，请求开锁。", "address", "某小区 7 号楼 701", "name", "王女士", "phone", "13847215678")
			.forEach(request::param);
		request.with(authentication(TestStaff.as(clerk()))).with(csrf());
		return request;
	}

	long matters(String title) {
		return jdbc.sql("SELECT COUNT(*) FROM matter WHERE title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
	}

	/** Every file under the attachments folder, temporary ones included. */
	static List<Path> filesOnDisk() throws IOException {
		Path folder = dataDir.resolve("attachments");
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
	}

	static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

	@Test
	void aPngAndAPdfAreKeptWithTheMatter() throws Exception {
		String title = "附件求助" + suffix;
		String location = mvc.perform(intake(title, file("现场照片.png", PNG), file("报警回执.pdf", PDF)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring("/matters/".length()));
		List<Map<String, Object>> rows = jdbc
			.sql("SELECT stored_name, file_name, content_type, size_bytes, sha256, uploaded_by FROM matter_attachment "
					+ "WHERE matter_id = :id ORDER BY id")
			.param("id", id)
			.query()
			.listOfRows();
		assertThat(rows).extracting(row -> row.get("file_name")).containsExactly("现场照片.png", "报警回执.pdf");
		assertThat(rows).extracting(row -> row.get("content_type")).containsExactly("image/png", "application/pdf");
		assertThat(rows).extracting(row -> row.get("uploaded_by")).containsOnly(clerk().username());
		byte[][] contents = { PNG, PDF };
		for (int i = 0; i < rows.size(); i++) {
			Path stored = dataDir.resolve("attachments").resolve((String) rows.get(i).get("stored_name"));
			assertThat(stored).exists().hasBinaryContent(contents[i]);
			assertThat(rows.get(i).get("sha256")).isEqualTo(sha256(contents[i]));
			assertThat(((Number) rows.get(i).get("size_bytes")).longValue()).isEqualTo(contents[i].length);
			assertThat((String) rows.get(i).get("stored_name")).doesNotContain("现场", ".png", ".pdf");
		}
		assertThat(filesOnDisk()).noneMatch(path -> path.getFileName().toString().endsWith(".tmp"));
		assertThat(audited("attachment.create", id)).isEqualTo(2);
		mvc.perform(get("/matters/" + id).with(authentication(TestStaff.as(clerk()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("现场照片.png")))
			.andExpect(content().string(containsString("报警回执.pdf")))
			.andExpect(content().string(containsString("/matters/" + id + "/attachments/")));
	}

	long audited(String action, long matterId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM audit_event WHERE action = :action
				AND target_id IN (SELECT CAST(id AS VARCHAR(20)) FROM matter_attachment WHERE matter_id = :id)
				""").param("action", action).param("id", matterId).query(Long.class).single();
	}

	@Test
	void aProgramRenamedJpgIsRefusedAndNothingIsKept() throws Exception {
		refused(file("照片.jpg", bytes("4d5a90000300000004", "This program cannot be run in DOS mode")),
				"附件“照片.jpg”不是 JPG、PNG 或 PDF 文件");
	}

	@Test
	void aWebPageNamedPngIsRefused() throws Exception {
		refused(file("截图.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
				"附件“截图.png”不是 JPG、PNG 或 PDF 文件");
	}

	@Test
	void anEmptyFileIsRefused() throws Exception {
		refused(file("空.pdf", new byte[0]), "附件“空.pdf”是空文件");
	}

	@Test
	void aPngNamedPdfIsRefused() throws Exception {
		refused(file("回执.pdf", PNG), "附件“回执.pdf”的扩展名与文件内容不符");
	}

	/** A good PNG first, then the bad file: neither the matter nor the good file is kept. */
	void refused(MockMultipartFile bad, String message) throws Exception {
		String title = "拒收" + suffix;
		List<Path> before = filesOnDisk();
		mvc.perform(intake(title, file("好.png", PNG), bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)));
		assertThat(matters(title)).isZero();
		assertThat(filesOnDisk()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void sixFilesAreRefused() throws Exception {
		String title = "六个附件" + suffix;
		List<Path> before = filesOnDisk();
		List<MockMultipartFile> six = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			six.add(file(i + ".jpg", JPEG));
		}
		mvc.perform(intake(title, six.toArray(MockMultipartFile[]::new)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("最多只能上传 5 个附件")));
		assertThat(matters(title)).isZero();
		assertThat(filesOnDisk()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void noFileChosenStillReceivesTheMatter() throws Exception {
		String title = "无附件" + suffix;
		mvc.perform(intake(title, new MockMultipartFile("attachments", "", "application/octet-stream", new byte[0])))
			.andExpect(status().isFound());
		assertThat(matters(title)).isOne();
	}

	@Test
	void aRolledBackIntakeLeavesNoFileBehind() throws Exception {
		List<Path> before = filesOnDisk();
		transactions.executeWithoutResult(status -> {
			attachedIntake.intake(clerk(), help("回滚" + suffix), List.of(file("a.png", PNG)));
			assertThat(uncheckedFilesOnDisk()).hasSize(before.size() + 1);
			status.setRollbackOnly();
		});
		assertThat(filesOnDisk()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(matters("回滚" + suffix)).isZero();
	}

	static List<Path> uncheckedFilesOnDisk() {
		try {
			return filesOnDisk();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	Intake help(String title) {
		return new Intake(Channel.PHONE, MatterKind.HELP, "EMERGENCY", Urgency.URGENT, title,
				"七楼住户外出时门被风关上，两岁孩子独自在屋内，请求帮助。", new Place("某小区 7 号楼 701", null, null, null),
				new Submitter(false, "王女士", "13847215678", null, null, null));
	}

	/** A matter with one PNG, dispatched to station A; returns {matter id, attachment id}. */
	long[] dispatchedWithPhoto() {
		List<MultipartFile> files = List.of(file("门锁 照片.png", PNG));
		long id = attachedIntake.intake(clerk(), help("开锁" + suffix), files).id();
		CurrentStaff coordinator = staff(Role.COORDINATOR, branch);
		desk.dispatch(coordinator, id, desk.details(coordinator, id).version(),
				new Dispatch("EMERGENCY", Urgency.URGENT, stationA, List.of(), null));
		long attachmentId = jdbc.sql("SELECT id FROM matter_attachment WHERE matter_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		return new long[] { id, attachmentId };
	}

	@Test
	void theLeadUnitsHandlerDownloadsTheFile() throws Exception {
		long[] ids = dispatchedWithPhoto();
		byte[] body = mvc
			.perform(get("/matters/" + ids[0] + "/attachments/" + ids[1])
				.with(authentication(TestStaff.as(staff(Role.HANDLER, stationA)))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%E9%97%A8%E9%94%81%20%E7%85%A7%E7%89%87.png")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).isEqualTo(PNG);
		assertThat(audited("attachment.download", ids[0])).isOne();
	}

	@Test
	void anotherStationsHandlerGetsNotFound() throws Exception {
		long[] ids = dispatchedWithPhoto();
		mvc.perform(get("/matters/" + ids[0] + "/attachments/" + ids[1])
			.with(authentication(TestStaff.as(staff(Role.HANDLER, stationB))))).andExpect(status().isNotFound());
		assertThat(audited("attachment.download", ids[0])).isZero();
	}

	@Test
	void anAttachmentOfAnotherMatterIsNotFound() throws Exception {
		long[] first = dispatchedWithPhoto();
		long[] second = dispatchedWithPhoto();
		mvc.perform(get("/matters/" + first[0] + "/attachments/" + second[1])
			.with(authentication(TestStaff.as(staff(Role.HANDLER, stationA))))).andExpect(status().isNotFound());
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		long[] ids = dispatchedWithPhoto();
		mvc.perform(get("/matters/" + ids[0] + "/attachments/" + ids[1]))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

}
