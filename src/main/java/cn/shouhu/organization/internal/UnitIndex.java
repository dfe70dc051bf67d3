package cn.shouhu.organization.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.DataScope;

/**
 * A read-only snapshot of the whole unit tree, in tree order (parents before children, siblings by sort order
 * and name). A branch has tens or a few hundred units, so one query and a map serve the tree page, the choice
 * lists, the unit labels of the officer list and export, and the unit column of an import.
 */
public final class UnitIndex {

	/** Separates the levels of a unit label: "沼潭派出所/社区警务队". */
	public static final String LABEL_SEPARATOR = "/";

	private static final Pattern LABEL_SPLIT = Pattern.compile("\\s*[/／]\\s*");

	/** One unit of the snapshot. */
	public record Node(long id, Long parentId, String name, UnitType type, String path, boolean active,
			int sortOrder) {

		/** 0 for the branch, 1 for its direct children … */
		public int depth() {
			return (int) path.chars().filter(c -> c == '/').count() - 2;
		}

		public boolean external() {
			return type == UnitType.EXTERNAL_AGENCY;
		}

		public UnitRef toRef() {
			return new UnitRef(id, parentId, name, type, path, active);
		}

	}

	/** A unit with its children, for the tree page. */
	public record Branch(Node unit, List<Branch> children) {
	}

	private final Map<Long, Node> byId;

	private final Map<Long, List<Node>> childrenById;

	private final List<Node> roots;

	private final List<Node> ordered;

	private final Set<Long> inScope;

	private UnitIndex(List<Node> nodes, Set<Long> inScope) {
		this.inScope = Set.copyOf(inScope);
		Comparator<Node> siblingOrder = Comparator.comparingInt(Node::sortOrder)
			.thenComparing(Node::name)
			.thenComparingLong(Node::id);
		this.byId = new LinkedHashMap<>();
		this.childrenById = new HashMap<>();
		List<Node> rootList = new ArrayList<>();
		for (Node node : nodes) {
			byId.put(node.id(), node);
		}
		for (Node node : nodes) {
			if (node.parentId() == null || !byId.containsKey(node.parentId())) {
				rootList.add(node);
			}
			else {
				childrenById.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
			}
		}
		rootList.sort(siblingOrder);
		childrenById.values().forEach(list -> list.sort(siblingOrder));
		this.roots = List.copyOf(rootList);
		List<Node> order = new ArrayList<>(nodes.size());
		for (Node root : roots) {
			collect(root, order);
		}
		this.ordered = List.copyOf(order);
	}

	/** The whole tree, every unit within scope. */
	public static UnitIndex load(JdbcClient jdbc) {
		return load(jdbc, DataScope.all());
	}

	/** The whole tree, marking which units lie within {@code scope} (the predicate is bound, as everywhere). */
	public static UnitIndex load(JdbcClient jdbc, DataScope scope) {
		List<Node> nodes = new ArrayList<>();
		Set<Long> scoped = new HashSet<>();
		jdbc.sql("""
				SELECT u.id, u.parent_id, u.name, u.unit_type, u.path, u.active, u.sort_order,
				       (:scopeAll OR u.path LIKE :scopePath) AS in_scope
				FROM unit u""")
			.param("scopeAll", scope.unrestricted())
			.param("scopePath", scope.likePattern())
			.query(rs -> {
				Node node = new Node(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getString("name"),
						UnitType.valueOf(rs.getString("unit_type")), rs.getString("path"), rs.getBoolean("active"),
						rs.getInt("sort_order"));
				nodes.add(node);
				if (rs.getBoolean("in_scope")) {
					scoped.add(node.id());
				}
			});
		return new UnitIndex(nodes, scoped);
	}

	private void collect(Node node, List<Node> order) {
		order.add(node);
		for (Node child : children(node.id())) {
			collect(child, order);
		}
	}

	public boolean isEmpty() {
		return byId.isEmpty();
	}

	public Optional<Node> find(long id) {
		return Optional.ofNullable(byId.get(id));
	}

	/** Every unit in tree order. */
	public List<Node> all() {
		return ordered;
	}

	public List<Node> children(long id) {
		return childrenById.getOrDefault(id, List.of());
	}

	/** The tree for the tree page. */
	public List<Branch> tree() {
		return roots.stream().map(this::branch).toList();
	}

	private Branch branch(Node node) {
		return new Branch(node, children(node.id()).stream().map(this::branch).toList());
	}

	/** From the root down to the unit's parent. */
	public List<Node> ancestors(long id) {
		List<Node> chain = new ArrayList<>();
		Node node = byId.get(id);
		while (node != null && node.parentId() != null) {
			node = byId.get(node.parentId());
			if (node != null) {
				chain.add(0, node);
			}
		}
		return chain;
	}

	/**
	 * The unit's names from below the branch down to itself, "沼潭派出所/社区警务队"; the branch's own name for the
	 * branch. Export writes it and import reads it back.
	 */
	public String label(long id) {
		Node node = byId.get(id);
		if (node == null) {
			return "";
		}
		if (node.parentId() == null) {
			return node.name();
		}
		List<String> names = new ArrayList<>();
		for (Node ancestor : ancestors(id)) {
			if (ancestor.parentId() != null) {
				names.add(ancestor.name());
			}
		}
		names.add(node.name());
		return String.join(LABEL_SEPARATOR, names);
	}

	/** True if the unit lies within the scope the index was loaded with. */
	public boolean inScope(long id) {
		return inScope.contains(id);
	}

	/** The units within the scope the index was loaded with, in tree order. */
	public List<Node> withinScope() {
		return ordered.stream().filter(node -> inScope.contains(node.id())).toList();
	}

	/**
	 * The units a label names: its last part is the unit's name, and each earlier part must be the name of the
	 * next ancestor up ("沼潭派出所/社区警务队" is the 社区警务队 whose parent is 沼潭派出所). A label may start at the
	 * branch or anywhere below it.
	 */
	public List<Node> resolve(String label) {
		if (label == null || label.isBlank()) {
			return List.of();
		}
		String[] parts = LABEL_SPLIT.split(label.strip());
		String last = parts[parts.length - 1];
		List<Node> matches = new ArrayList<>();
		for (Node candidate : ordered) {
			if (!candidate.name().equals(last)) {
				continue;
			}
			Node current = candidate;
			boolean fits = true;
			for (int i = parts.length - 2; i >= 0 && fits; i--) {
				current = current.parentId() == null ? null : byId.get(current.parentId());
				fits = current != null && current.name().equals(parts[i]);
			}
			if (fits) {
				matches.add(candidate);
			}
		}
		return matches;
	}

}
