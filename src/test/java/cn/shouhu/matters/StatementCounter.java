package cn.shouhu.matters;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements the application prepares, to show that a read costs the same queries for any rows. */
final class StatementCounter {

	static final AtomicInteger PREPARED = new AtomicInteger();

	static final List<String> SQL = new CopyOnWriteArrayList<>();

	/** Only this thread's statements count: timers and the event outbox work on their own threads meanwhile. */
	private static volatile Thread watched;

	/** Starts counting the statements of the calling thread. */
	static void watchThisThread() {
		watched = Thread.currentThread();
		PREPARED.set(0);
		SQL.clear();
	}

	private StatementCounter() {
	}

	private static Object counting(Object target, Class<?> type) {
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			boolean statement = method.getName().startsWith("prepare") || method.getName().equals("createStatement");
			if (statement && Thread.currentThread() == watched) {
				PREPARED.incrementAndGet();
				if (args != null && args.length > 0) {
					SQL.add(String.valueOf(args[0]));
				}
			}
			try {
				Object result = method.invoke(target, args);
				return method.getName().equals("getConnection") ? counting(result, Connection.class) : result;
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		});
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		static BeanPostProcessor statementCounting() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource ? counting(bean, DataSource.class) : bean;
				}
			};
		}

	}

}
