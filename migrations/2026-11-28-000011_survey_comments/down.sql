DELETE FROM survey_answer_counts WHERE value_key LIKE 'text:%';
