package cn.perftarget.storage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Puts the durability settings into the H2 URL of the connection pool before its first connection, whether the URL is
 * our default or the operator's own (see {@link DurableH2Url}).
 */
@Component
class DurableDataSource implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            String url = pool.getJdbcUrl();
            String durable = DurableH2Url.apply(url);
            if (!durable.equals(url)) {
                pool.setJdbcUrl(durable);
            }
        }
        return bean;
    }
}
