package cn.shouhu.matters.deadlines;

/** Two pollers on the embedded H2 (one JVM, one database). */
class TwoNodesOnH2Test extends TwoNodesContract {
}
