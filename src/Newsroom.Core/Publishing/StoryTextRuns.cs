using Markdig.Extensions.SmartyPants;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Newsroom.Core.Publishing;

/// <summary>
/// Marks where each piece of a story's text comes from in its Markdown, so a reader's selection on the page can be
/// turned back into offsets in the body (inline comments are anchored to the body's source, not to its HTML). Every
/// piece of shown text becomes a run, <c>&lt;span data-s="start"&gt;</c>, in source order:
/// <list type="bullet">
/// <item>a run whose text is the source word for word (most of a story) has only <c>data-s</c>: its character
/// <c>i</c> is the body's character <c>start + i</c>;</item>
/// <item>a run shown differently from how it is typed (a typographic quote for <c>'</c>, <c>&amp;</c> for
/// <c>&amp;amp;</c>, an escaped <c>\*</c>, inline code) carries its source in <c>data-src</c> and is taken whole;</item>
/// <item><c>data-g</c> holds the source between the previous run's end and this run's start when there is any
/// (emphasis marks, a link's address, the blank line between paragraphs), so the quote of a selection across runs
/// is the body's exact text.</item>
/// </list>
/// Text not in a run (an image's description, a code block) cannot start or end a selection.
/// </summary>
internal sealed class StoryTextRuns(string source) : IMarkdownObjectRenderer
{
    private readonly Dictionary<Type, IMarkdownObjectRenderer> _inner = [];
    private int _end = -1;

    public bool Accept(RendererBase renderer, Type objectType) =>
        objectType == typeof(LiteralInline) || objectType == typeof(SmartyPant) || objectType == typeof(HtmlEntityInline)
        || objectType == typeof(CodeInline) || objectType == typeof(AutolinkInline);

    public void Write(RendererBase renderer, MarkdownObject objectToRender)
    {
        var html = (HtmlRenderer)renderer;
        var inner = Inner(renderer, objectToRender.GetType());
        var span = objectToRender.Span;
        // An image's description is written as its alt text, not as HTML; empty literals show nothing.
        if (!html.EnableHtmlForInline || span.IsEmpty || span.Start < 0 || span.End >= source.Length || span.Start < _end)
        {
            inner.Write(renderer, objectToRender);
            return;
        }

        var typed = source.Substring(span.Start, span.Length);
        var verbatim = objectToRender is LiteralInline literal && literal.Content.ToString() == typed;
        html.Write("<span data-s=\"").Write(span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture)).Write('"');
        if (_end >= 0 && span.Start > _end)
        {
            html.Write(" data-g=\"");
            html.WriteEscape(source.AsSpan(_end, span.Start - _end));
            html.Write('"');
        }

        if (!verbatim)
        {
            html.Write(" data-src=\"");
            html.WriteEscape(typed);
            html.Write('"');
        }

        html.Write('>');
        inner.Write(renderer, objectToRender);
        html.Write("</span>");
        _end = span.End + 1;
    }

    private IMarkdownObjectRenderer Inner(RendererBase renderer, Type type)
    {
        if (!_inner.TryGetValue(type, out var found))
        {
            found = renderer.ObjectRenderers.First(r => r != this && r.Accept(renderer, type));
            _inner[type] = found;
        }

        return found;
    }
}
