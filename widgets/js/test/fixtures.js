// One question of every type, as the browser sees it after unsealing (public and sealed merged).

export const single = {
  id: "single-q",
  type: "single",
  prompt: "Which actor carries out a coup?",
  options: [
    { id: "crowds", text: "Mass protest movements", correct: false, misconception: "Crowds are outside the state." },
    { id: "insiders", text: "Elites within the state apparatus", correct: true, feedback: "Insiders act." },
    { id: "rebels", text: "Rebel armies", correct: false, misconception: "Rebels wage insurgencies." },
  ],
  hint: "Ask where the actors stand.",
  explanation: "Coups are made by insiders.",
  source: "Powell & Thyne (2011)",
  key: ["Elites within the state apparatus"],
};

export const multiple = {
  id: "multiple-q",
  type: "multiple",
  prompt: "Which are elements of the definition?",
  options: [
    { id: "overt", text: "Overt", correct: true },
    { id: "deaths", text: "At least 25 battle deaths", correct: false, misconception: "That is UCDP's threshold." },
    { id: "illegal", text: "Illegal", correct: true },
  ],
  explanation: "Illegal and overt.",
  source: "Powell & Thyne (2011)",
  key: ["Illegal", "Overt"],
};

export const truefalse = {
  id: "truefalse-q",
  type: "truefalse",
  prompt: "Success means 7 days in power.",
  answer: true,
  misconception: "The 7-day rule is the success threshold.",
  explanation: "Yes.",
  source: "P&T",
  key: ["True"],
};

export const classify = {
  id: "classify-q",
  type: "classify",
  prompt: "Classify each event.",
  categories: [
    { id: "mutiny", label: "Mutiny" },
    { id: "coup", label: "Coup" },
  ],
  items: [
    { id: "thai", text: "Thailand 2014", category: "coup", why: "The army chief seized power.", misconceptions: {} },
    {
      id: "wagner",
      text: "Wagner 2023",
      category: "mutiny",
      why: "A revolt against the commanders.",
      misconceptions: { coup: "Prigozhin did not target the president." },
    },
  ],
  explanation: "Who acts decides.",
  source: "Course",
  key: ["Thailand 2014: Coup", "Wagner 2023: Mutiny"],
};

export const order = {
  id: "order-q",
  type: "order",
  prompt: "Put these in order.",
  items: [
    { id: "ides", text: "Caesar is assassinated" },
    { id: "rubicon", text: "Caesar crosses the Rubicon" },
    { id: "pharsalus", text: "Battle of Pharsalus" },
  ],
  order: ["rubicon", "pharsalus", "ides"],
  explanation: "49, 48, 44 BC.",
  source: "Plutarch",
  key: ["1. Caesar crosses the Rubicon", "2. Battle of Pharsalus", "3. Caesar is assassinated"],
};

export const numeric = {
  id: "numeric-q",
  type: "numeric",
  prompt: "How many years?",
  unit: "years",
  answer: 15,
  tolerance: 0,
  hints: [{ min: 21, max: 23, text: "That is since 1927." }],
  explanation: "1934 to 1949.",
  source: "Facts",
  key: ["15 years"],
};

export const open = {
  id: "open-q",
  type: "open",
  prompt: "Was Wagner a coup?",
  model_answer: "No: it did not target the sitting executive.",
  criteria: ["Names the target", "Names the perpetrators", "Uses a criterion"],
  source: "Course",
  key: ["No: it did not target the sitting executive."],
};

export const ALL = [single, multiple, truefalse, classify, order, numeric, open];
