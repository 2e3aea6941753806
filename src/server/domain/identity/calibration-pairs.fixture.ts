// Test fixture (local-embedder.test.ts): realistic prompt pairs for calibrating an embedder's
// identity thresholds: near-duplicates must land in "same", edits in "variant", unrelated prompts in "new".
export type CalibrationPair = { label: string; a: string; b: string };

const support = `You are a friendly customer support assistant for Acme Cloud Storage.
Answer the customer's question using only the knowledge base articles provided below.
If the answer is not in the articles, say you don't know and offer to open a ticket.
Keep answers under 150 words and always end by asking whether the problem is solved.

Customer name: Maria Lopez
Plan: Business
Question: How do I restore a file I deleted last week?`;

const reviewer = `You are a senior TypeScript engineer reviewing a pull request.
Point out bugs, race conditions, missing error handling and unclear names.
For each finding give the file, the line, the severity (high, medium, low) and a suggested fix.
Do not comment on formatting; a linter handles that.
Here is the diff:
{{diff}}`;

const summariser = `Summarise the following meeting transcript for the engineering team.
List the decisions that were made, the open questions, and the action items with their owners and due dates.
Write in plain English, in short bullet points, and leave out small talk.

Transcript:
{{transcript}}`;

const extractor = `Extract the invoice fields from the text below and return them as JSON with the keys
invoice_number, issue_date, due_date, vendor_name, total_amount and currency.
Use ISO 8601 dates. If a field is missing, use null. Return only the JSON object, no explanation.

Invoice text:
{{invoice}}`;

const marketing = `Write three subject lines for a marketing email announcing our spring sale on hiking boots.
The audience is outdoor enthusiasts aged 25 to 45. Each subject line must be under 50 characters,
create a sense of urgency, and avoid spam trigger words such as FREE or GUARANTEED.`;

const tutor = `You are a patient math tutor for a 12 year old student.
Explain how to solve the problem step by step, asking the student a question after each step
instead of giving the final answer straight away. Use simple words and one everyday example.
Problem: A train travels 180 km in 2 hours. What is its average speed?`;

const sql = `Translate the user's question into a single PostgreSQL query over this schema:
orders(id, customer_id, total, created_at), customers(id, name, country).
Only use SELECT statements. Never modify data. Return the SQL in a code block and nothing else.
Question: Which five countries had the highest total order value last month?`;

const agent = `You are an autonomous research agent with access to the tools web_search(query) and read_url(url).
Plan before acting, call one tool at a time, and cite every source you use with its URL.
Stop when you can answer the question with confidence or after ten tool calls.
Question: What are the main causes of the 2023 decline in global honey bee populations?`;

export const NEAR_DUPLICATES: CalibrationPair[] = [
  { label: "whitespace and line breaks", a: support, b: support.replace(/\n/g, "  \n ").replace(/ {2}/g, " ") },
  { label: "letter case", a: reviewer, b: reviewer.toUpperCase() },
  { label: "punctuation", a: summariser, b: summariser.replace(/[.,:]/g, "").replace(/-/g, " ") },
  { label: "changed variable value (customer name)", a: support, b: support.replace("Maria Lopez", "John Smith") },
  { label: "changed variable value (numbers)", a: tutor, b: tutor.replace("180 km in 2 hours", "240 km in 3 hours") },
  { label: "name swapped (company)", a: support, b: support.replace("Acme Cloud Storage", "Globex Drive") },
  { label: "name swapped (tool)", a: agent, b: agent.replace(/web_search/g, "search_web") },
  { label: "changed variable value (period)", a: sql, b: sql.replace("five countries", "ten countries").replace("last month", "in 2024") },
  { label: "changed variable value (plan)", a: support, b: support.replace("Plan: Business", "Plan: Personal") },
  { label: "typo fixed", a: marketing, b: marketing.replace("enthusiasts", "enthusiats") },
];

export const VARIANTS: CalibrationPair[] = [
  { label: "added instruction", a: reviewer, b: reviewer.replace("Do not comment on formatting;", "Also check that new code has unit tests and flag any public function without one.\nDo not comment on formatting;") },
  { label: "added instruction (support)", a: support, b: support.replace("Keep answers under 150 words", "Never promise refunds; refer billing questions to billing@acme.example.\nKeep answers under 150 words") },
  { label: "reworded sentence", a: summariser, b: summariser.replace("Write in plain English, in short bullet points, and leave out small talk.", "Use concise bullets in simple language and skip any chit-chat or greetings.") },
  { label: "different output format", a: extractor, b: extractor.replace("return them as JSON with the keys", "return them as a Markdown table with the columns").replace("Return only the JSON object, no explanation.", "Return only the table, no explanation.").replace("If a field is missing, use null.", "If a field is missing, leave the cell empty.") },
  { label: "changed audience and limits", a: marketing, b: marketing.replace("Write three subject lines", "Write five subject lines").replace("outdoor enthusiasts aged 25 to 45", "families with young children who like weekend walks").replace("under 50 characters", "under 40 characters") },
  { label: "persona changed", a: tutor, b: tutor.replace("You are a patient math tutor for a 12 year old student.", "You are a strict physics teacher preparing a 16 year old for an exam.") },
  { label: "removed and added rules", a: agent, b: agent.replace("Plan before acting, call one tool at a time, and cite every source you use with its URL.", "Call tools in parallel when possible and summarise each page in two sentences before continuing.") },
  { label: "extra schema and rule", a: sql, b: sql.replace("customers(id, name, country).", "customers(id, name, country), refunds(id, order_id, amount).\nExclude refunded orders from totals.") },
];

/** Not asserted: a whole different user question is an edit as large as a variant (see the note). */
export const DIFFERENT_QUESTION: CalibrationPair[] = [
  { label: "different question (sql)", a: sql, b: sql.replace("Which five countries had the highest total order value last month?", "How many orders did each customer place in 2024?") },
  { label: "different question (tutor)", a: tutor, b: tutor.replace("A train travels 180 km in 2 hours. What is its average speed?", "A cyclist rides 45 km in 3 hours. How far does she ride in 5 hours?") },
];

export const UNRELATED: CalibrationPair[] = [
  { label: "support vs reviewer", a: support, b: reviewer },
  { label: "summariser vs extractor", a: summariser, b: extractor },
  { label: "marketing vs sql", a: marketing, b: sql },
  { label: "tutor vs agent", a: tutor, b: agent },
  { label: "support vs extractor", a: support, b: extractor },
  { label: "reviewer vs summariser", a: reviewer, b: summariser },
  { label: "agent vs marketing", a: agent, b: marketing },
  { label: "sql vs tutor", a: sql, b: tutor },
  { label: "support vs agent", a: support, b: agent },
  { label: "short: translate vs haiku", a: "Translate the following text into French: {{text}}", b: "Write a haiku about autumn leaves." },
];
