package cn.perftarget.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode doc(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void identicalDocumentsHaveNoChanges() throws Exception {
        var a = doc("{'header':{'phone':'85916419'},'annualTasks':['a','b']}");
        assertThat(DocumentDiff.between(a, a.deepCopy())).isEmpty();
    }

    @Test
    void changedLeafIsReportedByPointerWithOldAndNew() throws Exception {
        var changes = DocumentDiff.between(doc("{'header':{'phone':'85916419','year':2020}}"),
                doc("{'header':{'phone':'027-85916419','year':2020}}"));
        assertThat(changes).containsExactly(
                new FieldChange("/header/phone", TextNode.valueOf("85916419"), TextNode.valueOf("027-85916419")));
    }

    @Test
    void addedAndRemovedArrayItemsAreReportedLeafByLeaf() throws Exception {
        var changes = DocumentDiff.between(doc("{'goals':[{'title':'a'}]}"),
                doc("{'goals':[{'title':'a'},{'title':'b','n':1}]}"));
        assertThat(changes).extracting(FieldChange::path).containsExactly("/goals/1/title", "/goals/1/n");
        assertThat(changes.get(0).oldValue()).isNull();

        var removed = DocumentDiff.between(doc("{'goals':[{'title':'a'},{'title':'b'}]}"), doc("{'goals':[{'title':'a'}]}"));
        assertThat(removed).extracting(FieldChange::path).containsExactly("/goals/1/title");
        assertThat(removed.get(0).newValue()).isNull();
    }

    @Test
    void numbersCompareByValueAndNullEqualsAbsent() throws Exception {
        assertThat(DocumentDiff.between(doc("{'a':100,'b':null}"), doc("{'a':100.0}"))).isEmpty();
    }

    @Test
    void pointerTokensAreEscaped() throws Exception {
        var changes = DocumentDiff.between(doc("{'a/b':{'c~d':1}}"), doc("{'a/b':{'c~d':2}}"));
        assertThat(changes).extracting(FieldChange::path).containsExactly("/a~1b/c~0d");
    }
}
