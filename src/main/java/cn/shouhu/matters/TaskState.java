package cn.shouhu.matters;

/** A co-handling task's state: 办理中、已完成、已撤销. */
public enum TaskState {

	OPEN, DONE, CANCELLED

}
