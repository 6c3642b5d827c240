// Checking a news article against the evidence (`/news`, `POST /news`,
// `POST /api/news`): the article goes to analyse_article (src/news), and the
// result is rendered with the linked report and each quotation's verdict.
// Article text is untrusted and only ever escaped, never rendered as markup.
#pragma once

#include <cstddef>

#include "news/article_analysis.h"
#include "news/article_text.h"
#include "http/page_context.h"
#include "http/web_types.h"

namespace cscwatch {

// The article size limit is news::kMaxArticleBytes (src/news/article_text.h),
// the same for the form, the API and the command line.

WebResponse news_form_page(const PageContext& context, const WebRequest& request);
WebResponse news_post_page(const PageContext& context, const WebRequest& request);  // form field "article"
WebResponse news_api(const PageContext& context, const WebRequest& request);        // body = article text

// The analysis as HTML (exposed for tests), every article string escaped.
// With `request` from an account that may edit the article's authority, each
// proposed intervention links to a prefilled form to accept it into the record.
std::string news_analysis_html(const PageContext& context, const news::ArticleAnalysis& analysis,
                               const WebRequest* request = nullptr);

}  // namespace cscwatch
