package cn.perftarget.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Human names of places in a document, from the labels of the resolved schema: 年度目标第2项/绩效指标第1项/指标值.
 * Top-level sections are left out of deeper names, as in structure messages, because they only add length.
 */
final class Labels {

    private final JsonNode schema;

    Labels(JsonNode schema) {
        this.schema = schema;
    }

    String nameOf(String pointer) {
        if (pointer.isEmpty()) {
            return schema.path("label").asText("申报表");
        }
        String[] segments = pointer.substring(1).split("/", -1);
        StringBuilder name = new StringBuilder();
        JsonNode node = schema;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i].replace("~1", "/").replace("~0", "~");
            String type = node.path("type").asText();
            if (type.equals("array") && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
                name.append("第").append(Integer.parseInt(segment) + 1).append("项");
                node = node.path("items");
            } else if (type.equals("map")) {
                separate(name).append(segment);
                node = node.path("values");
            } else {
                node = node.path("fields").path(segment);
                boolean topSection = i == 0 && segments.length > 1 && node.path("type").asText().equals("object");
                if (!topSection) {
                    separate(name).append(node.path("label").asText(segment));
                }
            }
        }
        return name.toString();
    }

    private static StringBuilder separate(StringBuilder name) {
        return name.isEmpty() ? name : name.append('/');
    }
}
