using RiptOrleans.Learner.Encoders;

namespace RiptOrleans.Learner.Tests.Encoders;

[Trait("Category", "Fast")]
public sealed class WordTokenizerTests
{
    private readonly WordTokenizer _tokenizer = WordTokenizer.Build(["Open the drawer", "push the puck to the goal"]);

    [Fact]
    public void Encode_UnknownWord_MapsToUnk()
    {
        var ids = _tokenizer.Encode("open the fridge");
        Assert.Equal(WordTokenizer.UnknownId, ids[2]);
        Assert.NotEqual(WordTokenizer.UnknownId, ids[0]);
    }

    [Fact]
    public void Encode_IsCaseAndPunctuationInsensitive()
        => Assert.Equal(_tokenizer.Encode("open the drawer"), _tokenizer.Encode("OPEN, the Drawer!"));

    [Fact]
    public void Build_VocabularyStartsWithPadAndUnkThenSortedWords()
        => Assert.Equal(["<pad>", "<unk>", "drawer", "goal", "open", "puck", "push", "the", "to"], _tokenizer.Vocabulary);

    [Fact]
    public void FromJson_OfToJson_EncodesTheSame()
        => Assert.Equal(_tokenizer.Encode("push the drawer"), WordTokenizer.FromJson(_tokenizer.ToJson()).Encode("push the drawer"));

    [Fact]
    public void Encode_EmptyText_GivesOneUnk() => Assert.Equal([WordTokenizer.UnknownId], _tokenizer.Encode(""));
}
