package cn.shouhu.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoKey the api_key of the demo app, created at start in demo mode only ({@code shouhu.open311.demo-key},
 *     env SHOUHU_OPEN311_DEMO_KEY); published in the README, so never used outside the demo
 * @param contact who app developers write to, shown in the discovery document ({@code shouhu.open311.contact})
 * @param keyService how a developer asks for an api_key, shown in the discovery document
 *     ({@code shouhu.open311.key-service})
 */
@ConfigurationProperties("shouhu.open311")
record Open311Properties(@DefaultValue("shouhu-demo-open311-key-2026") String demoKey,
		@DefaultValue("分局情报指挥中心 0472-0000000") String contact,
		@DefaultValue("请向分局系统管理员申请 api_key（系统 → Open311 应用）") String keyService) {
}
