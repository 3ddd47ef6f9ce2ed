package cn.perftarget.validation;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import cn.perftarget.definition.FormDefinition;

/**
 * {@code perftarget.validation{form,valid}}: how long each full validation takes, wherever it is called from (the
 * validation endpoint, the submission check). Wraps {@link DocumentValidator} so that it needs no metrics code.
 */
@Component
class ValidationTimer implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> registry;

    ValidationTimer(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DocumentValidator)) {
            return bean;
        }
        var proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) call -> {
            if (!call.getMethod().getName().equals("validate")
                    || !(call.getArguments()[0] instanceof FormDefinition form)) {
                return call.proceed();
            }
            long start = System.nanoTime();
            Object result = call.proceed();
            Timer.builder("perftarget.validation")
                    .description("Full validation of one declaration document")
                    .tag("form", form.key())
                    .tag("valid", Boolean.toString(result instanceof ValidationReport report && report.valid()))
                    .register(registry.getObject())
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }
}
