package cn.perftarget.declaration;

import java.util.List;

/** Who a 抄送 reached: their usernames and, in the same order, their names. */
public record CopiedPeople(List<String> users, List<String> names) {

    public CopiedPeople {
        users = List.copyOf(users);
        names = List.copyOf(names);
    }
}
