package cn.perftarget.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.perftarget.identity.Actor;
import cn.perftarget.identity.CurrentActor;

/** Lets controller methods take the authenticated {@link Actor} as a parameter. */
@Configuration
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final CurrentActor currentActor;

    ActorArgumentResolver(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        return currentActor.get();
    }
}
