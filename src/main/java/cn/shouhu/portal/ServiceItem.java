package cn.shouhu.portal;

/**
 * One entry of the service catalogue (服务事项): what the public can get, how it is handled, where to go, and the
 * matter category a request about it is filed under (may be null).
 */
public record ServiceItem(long id, String name, String description, HandlingMode mode, String categoryCode,
		String whereToGo, int sortOrder, boolean active, int version) {
}
