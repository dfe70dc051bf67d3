/**
 * Classification: suggests a message's category from its Chinese text with an in-process word segmenter and a
 * small linear model that is trained deterministically and runs offline.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package cn.shouhu.classification;
